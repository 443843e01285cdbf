import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SECTION_KEYS } from '../../src/briefing/model.js';
import { LIMITS } from '../../src/message/limits.js';
import { decodePageId, encodePageId, PAGE_VIEWS, type PageState } from '../../src/render/page-id.js';

const OWNER = '123456789012345678';

describe('page ids', () => {
  it('round-trips a state', () => {
    const state: PageState = {
      view: 'party',
      owner: OWNER,
      page: 3,
      query: 'Russia',
      section: 'implications',
    };
    const id = encodePageId(state);
    expect(id).toBe('page:party:123456789012345678:3:implications:Russia');
    expect(decodePageId(id)).toEqual(state);
  });

  it('keeps colons in the query and leaves out an absent section', () => {
    const state: PageState = { view: 'search', owner: OWNER, page: 1, query: 'talks: Berlin' };
    const decoded = decodePageId(encodePageId(state));
    expect(decoded).toEqual(state);
    expect(decoded && 'section' in decoded).toBe(false);
  });

  it('stays within 100 characters with a long query, keeping as much of it as fits', () => {
    const state: PageState = {
      view: 'search',
      owner: '12345678901234567890',
      page: 999,
      query: 'x'.repeat(500),
    };
    const id = encodePageId(state);
    expect(id.length).toBe(LIMITS.customId);
    const decoded = decodePageId(id);
    expect(decoded?.query).toBe('x'.repeat(LIMITS.customId - id.indexOf('x')));
    expect(state.query.startsWith(decoded?.query ?? '-')).toBe(true);
  });

  it('never cuts a surrogate pair in half', () => {
    const id = encodePageId({ view: 'party', owner: OWNER, page: 1, query: '🇺🇦'.repeat(60) });
    expect(id.length).toBeLessThanOrEqual(LIMITS.customId);
    expect(decodePageId(id)?.query).toMatch(/^(🇺🇦)*(\uD83C\uDDFA)?$/u);
  });

  it('round-trips any state whose query fits, and never exceeds 100 characters', () => {
    const stateArb = fc.record(
      {
        view: fc.constantFrom(...PAGE_VIEWS),
        owner: fc.oneof(fc.stringMatching(/^\d{17,20}$/), fc.constant('terminal')),
        page: fc.integer({ min: 0, max: 99999 }),
        query: fc.string({ maxLength: 200 }),
        section: fc.constantFrom(...SECTION_KEYS),
      },
      { requiredKeys: ['view', 'owner', 'page', 'query'] },
    );
    fc.assert(
      fc.property(stateArb, (state) => {
        const id = encodePageId(state);
        expect(id.length).toBeLessThanOrEqual(LIMITS.customId);
        const decoded = decodePageId(id);
        expect(decoded).not.toBeNull();
        expect(state.query.startsWith(decoded?.query ?? '\u0000')).toBe(true);
        if (id.length < LIMITS.customId) expect(decoded).toEqual(state);
      }),
    );
  });

  it('rejects ids that are not page ids', () => {
    for (const id of [
      '',
      'page',
      'other:party:1:1::x',
      'page:nope:1:1::x',
      'page:party:1:x::q',
      'page:party:1:1:bogus:q',
    ]) {
      expect(decodePageId(id)).toBeNull();
    }
  });
});
