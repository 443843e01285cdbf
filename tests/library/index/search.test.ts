import { describe, expect, it } from 'vitest';
import { IndexSearch } from '../../../src/library/index/search.js';
import { Library } from '../../../src/library/library.js';
import { PartyRegistry } from '../../../src/party/registry.js';
import { makeBriefing } from '../../support/briefings.js';

// Twelve briefings hold "talks".
const briefings = Array.from({ length: 12 }, (_, day) =>
  makeBriefing({
    id: `talks-${day + 10}`,
    date: `2025-03-${day + 10}`,
    title: day === 0 ? 'Talks, talks and more talks' : `Day ${day + 10}`,
    summary: day === 0 ? 'Talks about talks.' : 'The talks went on.',
  }),
);
// And twenty that do not.
const others = Array.from({ length: 20 }, (_, day) =>
  makeBriefing({ id: `floods-${day + 1}`, date: `2025-02-${day + 1}`, summary: 'Rivers rose.' }),
);
const library = Library.of([...briefings, ...others], PartyRegistry.builtIn());

describe('IndexSearch', () => {
  it('ranks every match by BM25 when they fit in the window: the briefing most about the words first', () => {
    const hits = new IndexSearch(library.reader, 100).search('talks', 5);
    expect(hits[0]?.briefing.id).toBe('talks-10');
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
    expect(hits.every((hit) => hit.score > 0)).toBe(true);
  });

  it('ranks only the newest matches when more briefings match than the window', () => {
    const hits = new IndexSearch(library.reader, 11).search('talks', 5);
    const ids = hits.map((hit) => hit.briefing.id);
    expect(ids).toHaveLength(5);
    expect(ids).not.toContain('talks-10');
  });

  it('reads a hit’s briefing only when it is asked for', () => {
    const reads: number[] = [];
    const reader = new Proxy(library.reader, {
      get(target, key, receiver) {
        if (key !== 'atRow') return Reflect.get(target, key, receiver);
        return (row: number) => {
          reads.push(row);
          return target.atRow(row);
        };
      },
    });
    const hits = new IndexSearch(reader, 100).search('talks', 12);
    expect(hits).toHaveLength(12);
    expect(reads).toHaveLength(0);
    expect(hits[3]?.briefing.id).toMatch(/^talks-/);
    expect(reads).toHaveLength(1);
  });
});
