import { describe, expect, it } from 'vitest';
import { selectNewBriefings } from '../../src/digest/compose/select.js';
import { describeFilter } from '../../src/render/digest-reasons.js';
import { makeBriefing } from '../support/briefings.js';

const library = [
  makeBriefing({ id: 'ceasefire-talks', date: '2025-06-02', tags: ['Diplomacy'], parties: ['Ukraine'] }),
  makeBriefing({ id: 'grain-corridor', date: '2025-06-01', tags: ['trade', 'Black Sea'] }),
  makeBriefing({ id: 'old-summit', date: '2025-05-20', tags: ['diplomacy'] }),
  makeBriefing({ id: 'energy-prices', date: '2025-06-01', tags: ['energy'] }),
];
const mentionsUkraine = (id: string, party: string) => party === 'Ukraine' && id !== 'energy-prices';
const base = {
  briefings: library,
  received: new Set<string>(),
  notBefore: '2025-05-31',
  party: null,
  tag: null,
};

describe('selectNewBriefings', () => {
  it('keeps what the channel has not received, from notBefore on, oldest first', async () => {
    const ids = selectNewBriefings({
      ...base,
      mentions: () => false,
      received: new Set(['grain-corridor']),
    }).map((item) => item.id);
    expect(ids).toEqual(['energy-prices', 'ceasefire-talks']);
  });

  it('filters by tag case-insensitively', async () => {
    const ids = selectNewBriefings({
      ...base,
      notBefore: '2025-01-01',
      tag: 'DIPLOMACY',
      mentions: () => false,
    });
    expect(ids.map((item) => item.id)).toEqual(['old-summit', 'ceasefire-talks']);
  });

  it('filters by party through the injected mention check', async () => {
    const ids = selectNewBriefings({ ...base, party: 'Ukraine', mentions: mentionsUkraine }).map(
      (item) => item.id,
    );
    expect(ids).toEqual(['grain-corridor', 'ceasefire-talks']);
  });

  it('applies party and tag together', async () => {
    const ids = selectNewBriefings({ ...base, party: 'Ukraine', tag: 'trade', mentions: mentionsUkraine });
    expect(ids.map((item) => item.id)).toEqual(['grain-corridor']);
  });

  it('describes its filters in words', async () => {
    expect(describeFilter({ party: 'Russia', tag: 'energy' })).toBe('about Russia tagged energy');
    expect(describeFilter({ party: null, tag: null })).toBe('');
  });
});
