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
  it('answers newest first when more briefings match than the threshold', () => {
    const hits = new IndexSearch(library.reader, 11).search('talks', 5);
    expect(hits.map((hit) => hit.briefing.id)).toEqual([
      'talks-21',
      'talks-20',
      'talks-19',
      'talks-18',
      'talks-17',
    ]);
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
