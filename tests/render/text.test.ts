import { describe, expect, it } from 'vitest';
import { renderBriefing } from '../../src/render/briefing.js';
import { renderListPage } from '../../src/render/search.js';
import { payloadToText, plainMarkdown, replyToText } from '../../src/render/text.js';
import { makeBriefing, words } from './helpers.js';

describe('payloadToText', () => {
  it('shows a briefing as readable terminal text', () => {
    const briefing = makeBriefing({
      sections: {
        whatHappened: ['Envoys met in **Berlin**.', 'Kyiv signalled flexibility.'],
        whyItMatters: ['Territory is the *hard* question.'],
        implications: ['Guarantees would matter more.'],
        other: [{ heading: 'Background', items: ['The war began in 2022.'] }],
      },
      tags: ['ukraine'],
    });
    expect(payloadToText(renderBriefing(briefing))).toBe(
      [
        'Envoys press Kyiv on Donetsk during Berlin talks',
        '================================================',
        'https://www.reuters.com/world/europe/berlin-talks',
        '',
        'By Desk Editor',
        '',
        'American negotiators met Ukrainian and European leaders in Berlin; territory remained the hard question.',
        '',
        'What happened:',
        '• Envoys met in Berlin.',
        '• Kyiv signalled flexibility.',
        '',
        'Why it matters:',
        '• Territory is the hard question.',
        '',
        'Implications:',
        '• Guarantees would matter more.',
        '',
        'Background:',
        '• The war began in 2022.',
        '',
        'Tags:',
        'ukraine',
        '',
        '-- Source: Reuters · 15 Dec 2025 · id berlin-talks',
      ].join('\n'),
    );
  });

  it('shows usable page buttons as hints', () => {
    const briefings = Array.from({ length: 25 }, (_, i) => makeBriefing({ id: `b-${i}` }));
    expect(payloadToText(renderListPage(briefings, 1, 'terminal').payload)).toMatch(
      /-- Page 1\/3 · .*\n\n\[Next\]$/,
    );
    expect(payloadToText(renderListPage(briefings, 2, 'terminal').payload)).toMatch(/\[Previous\] \[Next\]$/);
  });

  it('prints a reply with its follow-ups', () => {
    const many = Array.from({ length: 100 }, (_, i) => words(i, 40));
    const reply = renderBriefing(
      makeBriefing({ sections: { whatHappened: many, whyItMatters: [], implications: [] } }),
    );
    expect(reply.followUps?.length).toBeGreaterThan(0);
    const text = replyToText(reply);
    for (const bullet of many) expect(text).toContain(bullet);
  });
});

describe('plainMarkdown', () => {
  it('drops emphasis, code ticks and link syntax but keeps lone asterisks', () => {
    expect(plainMarkdown('**bold** and *italic* and `code` and [site](https://example.org/a)')).toBe(
      'bold and italic and code and site (https://example.org/a)',
    );
    expect(plainMarkdown('2 * 3 * 4')).toBe('2 * 3 * 4');
  });
});
