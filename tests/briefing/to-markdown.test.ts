import { describe, expect, it } from 'vitest';
import type { Briefing } from '../../src/briefing/model.js';
import { parseBriefing } from '../../src/briefing/parse.js';
import { briefingToMarkdown } from '../../src/briefing/to-markdown.js';

const briefing: Briefing = {
  id: 'berlin-talks',
  title: 'Envoys meet again in Berlin',
  subtitle: 'A second round, with European allies at the table.',
  date: '2025-12-15',
  summary: 'Negotiators from Washington and Kyiv hold a second round.\n\nEuropean allies join them.',
  sections: {
    whatHappened: [
      'The two delegations met for a second day.',
      'European allies joined the afternoon session.',
    ],
    whyItMatters: ['Security guarantees are the main open question.'],
    implications: ['A draft could reach Congress for ratification.'],
    other: [{ heading: 'Key quotes', items: ['"It was difficult," one participant said.'] }],
  },
  source: { name: 'Example Wire', url: 'https://example.com/berlin-talks' },
  author: 'Desk Editor',
  tags: ['ukraine', 'peace talks'],
  parties: ['Ukraine', 'United States'],
  file: 'briefings/2025-12-15-berlin-talks.md',
  format: 'markdown',
};

const expected = `---
title: Envoys meet again in Berlin
date: 2025-12-15
summary: |-
  Negotiators from Washington and Kyiv hold a second round.

  European allies join them.
source:
  name: Example Wire
  url: https://example.com/berlin-talks
subtitle: A second round, with European allies at the table.
author: Desk Editor
tags:
  - ukraine
  - peace talks
parties:
  - Ukraine
  - United States
  - Germany
---

## What happened

- The two delegations met for a second day.
- European allies joined the afternoon session.

## Why it matters

- Security guarantees are the main open question.

## Implications

- A draft could reach Congress for ratification.

## Key quotes

- "It was difficult," one participant said.
`;

describe('briefingToMarkdown', () => {
  it('writes front matter, the three sections and further sections as bullets', () => {
    expect(briefingToMarkdown(briefing, { parties: ['Germany', 'ukraine'] })).toBe(expected);
  });

  it('reads back as the same briefing', () => {
    const back = parseBriefing(briefing.file, expected).briefing;
    expect(back).toEqual({ ...briefing, parties: ['Ukraine', 'United States', 'Germany'] });
  });

  it('leaves out empty sections and fields the briefing does not have', () => {
    const bare: Briefing = {
      ...briefing,
      subtitle: undefined,
      sections: { whatHappened: ['Only this.'], whyItMatters: [], implications: [] },
      source: null,
      author: undefined,
      tags: [],
      parties: [],
    };
    expect(briefingToMarkdown(bare)).toBe(
      [
        '---',
        'title: Envoys meet again in Berlin',
        'date: 2025-12-15',
        'summary: |-',
        '  Negotiators from Washington and Kyiv hold a second round.',
        '',
        '  European allies join them.',
        '---',
        '',
        '## What happened',
        '',
        '- Only this.',
        '',
      ].join('\n'),
    );
  });

  it('quotes front matter values that YAML would read as something else', () => {
    const markdown = briefingToMarkdown({ ...briefing, title: 'null', author: '1984', subtitle: 'a: b # c' });
    expect(markdown).toContain("title: 'null'\n");
    expect(markdown).toContain('author: 1984\n');
    expect(markdown).toContain("subtitle: 'a: b # c'\n");
  });
});
