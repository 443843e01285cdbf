import { describe, expect, it } from 'vitest';
import { renderBriefing } from '../../src/render/briefing.js';
import { renderListPage } from '../../src/render/search.js';
import { payloadToText, plainMarkdown, replyToText } from '../../src/render/text.js';
import { makeBriefing, pageOf } from '../support/briefings.js';
import { words } from './helpers.js';

describe('payloadToText', () => {
  it('shows a briefing as readable terminal text', () => {
    const briefing = makeBriefing({
      id: 'berlin-talks',
      title: 'Envoys press Kyiv on Donetsk during Berlin talks',
      date: '2025-12-15',
      summary:
        'American negotiators met Ukrainian and European leaders in Berlin; territory remained the hard question.',
      source: { name: 'Reuters', url: 'https://www.reuters.com/world/europe/berlin-talks' },
      author: 'Desk Editor',
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
        '-- By Desk Editor',
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
        '-- 15 Dec 2025 · Tags: ukraine · id berlin-talks',
        'Source: Reuters (https://www.reuters.com/world/europe/berlin-talks)',
      ].join('\n'),
    );
  });

  it('shows usable page buttons as hints', () => {
    const briefings = Array.from({ length: 25 }, (_, i) => makeBriefing({ id: `b-${i}` }));
    expect(payloadToText(renderListPage(pageOf(briefings, 1), 'terminal').payload)).toMatch(
      /-- Page 1\/3 · .*\n\n\[Next\]$/,
    );
    expect(payloadToText(renderListPage(pageOf(briefings, 2), 'terminal').payload)).toMatch(
      /\[Previous\] \[Next\]$/,
    );
  });

  it('prints a reply with its follow-ups', () => {
    const many = Array.from({ length: 100 }, (_, i) => words(i, 40));
    const reply = renderBriefing(
      makeBriefing({ id: 'talks', sections: { whatHappened: many, whyItMatters: [], implications: [] } }),
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

describe('terminal text carries no control characters', () => {
  const ESC = '\u001b';
  const hostile = {
    title: `${ESC}[2J${ESC}[HCleared ${ESC}]0;pwned title\u0007headline`,
    summary: `A ${ESC}]8;;https://evil.example/${ESC}\\link${ESC}]8;;${ESC}\\ in\tthe\u0085summary\u009b31m red\r over`,
    bullet: `Bell\u0007 and backspace\u0008 and DEL\u007f and ${ESC}[31mcolour${ESC}[0m and a lone ${ESC}`,
  };
  const briefing = makeBriefing({
    id: 'hostile',
    title: hostile.title,
    summary: hostile.summary,
    sections: { whatHappened: [hostile.bullet], whyItMatters: [], implications: [] },
    author: `${ESC}[5mBlinking${ESC}[0m editor`,
  });

  it('strips escape sequences whole (screen clears, window titles, hyperlinks, colours) and other controls', () => {
    const text = replyToText(renderBriefing(briefing));
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters is the point.
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(text).toContain('Cleared headline');
    expect(text).toContain('A link in\tthe');
    expect(text).toContain(' red over');
    expect(text).toContain('Bell and backspace and DEL and colour and a lone');
    expect(text).toContain('By Blinking editor');
    expect(text).not.toContain('pwned');
    expect(text).not.toContain('evil.example');
  });

  it('keeps newlines, tabs and every printable character, emoji and scripts included', () => {
    const clean = makeBriefing({
      id: 'clean',
      summary: 'Tabs\tstay.\nLines stay. Київ, 東京, 🇺🇦 and “quotes”.',
    });
    expect(payloadToText(renderBriefing(clean))).toContain(
      'Tabs\tstay.\nLines stay. Київ, 東京, 🇺🇦 and “quotes”.',
    );
  });

  it('applies to single messages too (what local mode prints for a digest)', () => {
    const text = payloadToText({ content: `${ESC}]0;title${ESC}\\Digest${ESC}[2J\u0007` });
    expect(text).toBe('Digest');
  });
});
