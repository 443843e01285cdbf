import { ButtonStyle, ComponentType } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { V2_LIMITS } from '../../src/message/limits.js';
import type { MessagePayload } from '../../src/message/payload.js';
import { renderBriefing, renderBriefingPage, renderBriefings } from '../../src/render/briefing.js';
import { checkMessageLimits } from '../../src/render/check.js';
import { COLORS, TITLE_MAX } from '../../src/render/format.js';
import { decodePageId } from '../../src/render/page-id.js';
import { replyToText } from '../../src/render/text.js';
import { makeBriefing } from '../support/briefings.js';
import {
  berlinTalks,
  buttonsOf,
  expectWithinLimits,
  headingsOf,
  isV2,
  messagesOf,
  sectionNames,
  sectionsOf,
  sectionText,
  smallPrintOf,
  textOf,
  titleOf,
  usage,
  visibleText,
  words,
} from './helpers.js';

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('renderBriefing', () => {
  it('shows an ordinary briefing as one card: title, summary, sections, small print and a source button', () => {
    const reply = renderBriefing(berlinTalks);
    expect(reply.followUps).toBeUndefined();
    expect(isV2(reply)).toBe(true);
    expect(reply.content).toBeUndefined();
    expect(reply.embeds).toBeUndefined();
    const [card, ...others] = reply.components ?? [];
    expect(others).toEqual([]);
    expect(card?.type).toBe(ComponentType.Container);
    expect(card && 'accent_color' in card ? card.accent_color : undefined).toBe(COLORS.briefing);
    expect(titleOf(reply)).toBe('Envoys press Kyiv on Donetsk during Berlin talks');
    expect(textOf(reply)).toContain('-# By Desk Editor');
    expect(textOf(reply)).toContain('territory remained the hard question');
    expect(sectionNames(reply)).toEqual(['What happened', 'Why it matters', 'Implications']);
    expect(sectionsOf(reply)[0]?.text).toBe(
      '• Negotiators from Washington met the Ukrainian president in Berlin.\n• Kyiv signalled it could drop its NATO bid.',
    );
    expect(smallPrintOf(reply)).toEqual([
      'By Desk Editor',
      '15 Dec 2025 · Tags: ukraine, diplomacy · id berlin-talks',
    ]);
    expect(buttonsOf(reply)).toEqual([
      {
        label: 'Source: Reuters',
        url: 'https://www.reuters.com/world/europe/berlin-talks',
        style: ButtonStyle.Link,
      },
    ]);
    expectWithinLimits([reply]);
  });

  it('separates the blocks with dividers and ends with the small print beside the source button', () => {
    const card = renderBriefing(berlinTalks).components?.[0];
    const types = card && 'components' in card ? card.components.map((child) => child.type) : [];
    expect(types).toEqual([
      ComponentType.TextDisplay,
      ComponentType.Separator,
      ComponentType.TextDisplay,
      ComponentType.Separator,
      ComponentType.TextDisplay,
      ComponentType.Separator,
      ComponentType.TextDisplay,
      ComponentType.Separator,
      ComponentType.Section,
    ]);
  });

  it('puts further sections after the three, in order, and skips empty ones', () => {
    const briefing = makeBriefing({
      id: 'talks',
      sections: {
        whatHappened: ['Talks took place.'],
        whyItMatters: [],
        implications: ['More talks follow.'],
        other: [
          { heading: 'Background', items: ['The war began in 2022.'] },
          { heading: 'Key quotes', items: ['"It was difficult," one source said.'] },
        ],
      },
      tags: [],
    });
    expect(sectionNames(renderBriefing(briefing))).toEqual([
      'What happened',
      'Implications',
      'Background',
      'Key quotes',
    ]);
  });

  it('narrows to one section with the title and summary', () => {
    const reply = renderBriefing(berlinTalks, { section: 'whyItMatters' });
    expect(titleOf(reply)).toContain('Berlin talks');
    expect(textOf(reply)).toContain('American negotiators met');
    expect(sectionNames(reply)).toEqual(['Why it matters']);
  });

  it('says so when the narrowed section is empty', () => {
    const briefing = makeBriefing({
      id: 'talks',
      sections: { whatHappened: ['x'], whyItMatters: [], implications: [] },
    });
    expect(sectionsOf(renderBriefing(briefing, { section: 'implications' }))).toEqual([
      { name: 'Implications', text: '*This briefing has no Implications section.*' },
    ]);
  });

  it('leaves out the sections a briefing lacks, in the terminal text too', () => {
    const briefing = makeBriefing({
      id: 'talks',
      sections: { whatHappened: ['Talks resumed.'], whyItMatters: [], implications: ['Another round.'] },
    });
    const text = replyToText(renderBriefing(briefing));
    expect(text).toContain('What happened');
    expect(text).toContain('Implications');
    expect(text).not.toContain('Why it matters');
  });

  it('does not link a source url Discord would reject, but still shows it', () => {
    const reply = renderBriefing(makeBriefing({ id: 'talks', source: { name: 'Wire', url: 'not a url' } }));
    expect(buttonsOf(reply)).toEqual([]);
    expect(smallPrintOf(reply).at(-1)).toContain('Source: Wire (not a url)');
  });

  it('links a source too long for a button (over 512 characters) in the small print instead', () => {
    const url = `https://example.com/${'a'.repeat(600)}`;
    const reply = renderBriefing(makeBriefing({ id: 'talks', source: { name: 'Wire', url } }));
    expect(buttonsOf(reply)).toEqual([]);
    expect(smallPrintOf(reply).at(-1)).toContain(`Source: [Wire](<${url}>)`);
    expectWithinLimits([reply]);
  });

  it('handles a briefing without source, author or tags', () => {
    const reply = renderBriefing(
      makeBriefing({ id: 'berlin-talks', date: '2025-12-15', source: null, author: undefined, tags: [] }),
    );
    expect(textOf(reply)).not.toContain('By ');
    expect(smallPrintOf(reply)).toEqual(['15 Dec 2025 · id berlin-talks']);
    expect(buttonsOf(reply)).toEqual([]);
    expectWithinLimits([reply]);
  });
});

describe('renderBriefing at the limits', () => {
  it('carries 60 bullets a section over pages under "(cont.)" headings without losing or breaking any', () => {
    const bullets = Array.from({ length: 60 }, (_, i) => words(i, 20));
    const briefing = makeBriefing({
      id: 'talks',
      sections: { whatHappened: bullets, whyItMatters: bullets, implications: bullets },
    });
    const messages = messagesOf(renderBriefing(briefing));
    expect(messages.length).toBeGreaterThan(1);
    expectWithinLimits(messages);
    const sections = messages.flatMap((message) => sectionsOf(message));
    expect(sections.filter((section) => section.name === 'What happened (cont.)').length).toBeGreaterThan(0);
    // Each block holds whole bullets only.
    for (const section of sections) {
      for (const line of section.text.split('\n')) expect(line).toMatch(/^• (w\d+x\d+ ?)+$/);
    }
    const text = sectionText(messages);
    for (const bullet of bullets) expect(text).toContain(`• ${bullet}`);
  });

  it('spreads a 5,000-character summary over two messages', () => {
    const summary = words(7, 800);
    expect(summary.length).toBeGreaterThan(5000);
    const messages = messagesOf(renderBriefing(makeBriefing({ id: 'talks', summary })));
    expectWithinLimits(messages);
    expect(messages).toHaveLength(2);
    expect(squash(visibleText(messages))).toContain(summary);
    expect(textOf(messages[1]).startsWith('w7x')).toBe(true);
  });

  it('shortens a 300-character title with an ellipsis and keeps it whole under the heading', () => {
    const title = words(9, 60).slice(0, 300);
    const reply = renderBriefing(makeBriefing({ id: 'talks', title }));
    const heading = titleOf(reply) ?? '';
    expect(heading.length).toBeLessThanOrEqual(TITLE_MAX);
    expect(heading.endsWith('…')).toBe(true);
    expect(textOf(reply)).toContain(`## ${heading}\n**${title}**`);
  });

  it('splits a single bullet longer than a page at word boundaries into consecutive parts', () => {
    const long = words(11, 700);
    expect(long.length).toBeGreaterThan(V2_LIMITS.textPerMessage);
    const briefing = makeBriefing({
      id: 'talks',
      sections: { whatHappened: ['Before.', long, 'After.'], whyItMatters: [], implications: [] },
    });
    const messages = messagesOf(renderBriefing(briefing));
    expectWithinLimits(messages);
    const parts = messages
      .flatMap((message) => sectionsOf(message))
      .filter((section) => section.name.startsWith('What happened'));
    expect(parts.length).toBeGreaterThanOrEqual(2);
    // Cut between words only: every token of every part is a whole word.
    for (const part of parts) {
      for (const token of part.text.split(/\s+/)) expect(token).toMatch(/^(•|Before\.|After\.|w11x\d+)$/);
    }
    expect(sectionText(messages)).toContain(`• Before. • ${long} • After.`);
  });

  it('keeps everything of a huge briefing across several messages', () => {
    const many = Array.from({ length: 200 }, (_, i) => words(i, 30));
    const briefing = makeBriefing({
      id: 'berlin-talks',
      title: words(5, 80),
      summary: words(6, 1500),
      sections: { whatHappened: many, whyItMatters: many, implications: many },
      author: words(8, 60),
      tags: Array.from({ length: 300 }, (_, i) => `tag${i}`),
    });
    const reply = renderBriefing(briefing);
    const messages = messagesOf(reply);
    expect(reply.followUps?.length).toBeGreaterThan(0);
    expectWithinLimits(messages);
    const text = visibleText(messages);
    for (const line of [briefing.title, briefing.summary, briefing.author ?? '', ...many])
      expect(text).toContain(line);
    for (const tag of briefing.tags) expect(text).toContain(tag);
    // The small print with the id closes the last message, once.
    const closing = messages.map((message) =>
      smallPrintOf(message).some((line) => line.endsWith('id berlin-talks')),
    );
    expect(closing.filter(Boolean)).toHaveLength(1);
    expect(closing.at(-1)).toBe(true);
  });
});

describe('renderBriefings', () => {
  it('shows several briefings whole in one reply, a card each', () => {
    const reply = renderBriefings([berlinTalks, makeBriefing({ id: 'second', title: 'A second briefing' })]);
    expect(headingsOf(reply)).toEqual([
      'Envoys press Kyiv on Donetsk during Berlin talks',
      'A second briefing',
    ]);
    expect(reply.components?.map((component) => component.type)).toEqual([
      ComponentType.Container,
      ComponentType.Container,
    ]);
    expect(checkMessageLimits(reply)).toEqual([]);
  });
});

describe('renderBriefingPage: a briefing answer is one message, paged', () => {
  const OWNER = '998877665544332211';
  const state = { view: 'briefing' as const, owner: OWNER, query: 'berlin-talks' };
  /** 300 bullets of about 1,000 characters: a file `briefings check` accepts, 60 messages when posted whole. */
  const flood = makeBriefing({
    id: 'berlin-talks',
    date: '2025-12-15',
    source: { name: 'Reuters' },
    sections: {
      whatHappened: Array.from({ length: 100 }, (_, i) => words(i, 140)),
      whyItMatters: Array.from({ length: 100 }, (_, i) => words(100 + i, 140)),
      implications: Array.from({ length: 100 }, (_, i) => words(200 + i, 140)),
    },
  });
  const pageButtonsOf = (message: MessagePayload) =>
    buttonsOf(message).map((button) => ({
      label: button.label,
      disabled: button.disabled ?? false,
      state: button.customId ? decodePageId(button.customId) : null,
    }));

  it('shows the first part of a long briefing with Previous/Next, and no follow-ups', () => {
    const whole = renderBriefing(flood);
    expect(whole.followUps?.length).toBeGreaterThan(20);
    const first = renderBriefingPage([flood], 1, state);
    expect(first.pages).toBe(messagesOf(whole).length);
    expect((first.payload as { followUps?: unknown }).followUps).toBeUndefined();
    expectWithinLimits([first.payload]);
    expect(titleOf(first.payload)).toBe(flood.title);
    expect(smallPrintOf(first.payload).at(-1)).toBe(`Page 1/${first.pages}`);
    expect(pageButtonsOf(first.payload)).toEqual([
      { label: 'Previous', disabled: true, state: { ...state, page: 0 } },
      { label: 'Next', disabled: false, state: { ...state, page: 2 } },
    ]);
    // The buttons are a row of their own under the card.
    expect(first.payload.components?.map((component) => component.type)).toEqual([
      ComponentType.Container,
      ComponentType.ActionRow,
    ]);
  });

  it('pages hold every bullet between them, in order, each page within the limits', () => {
    const { pages } = renderBriefingPage([flood], 1, state);
    const all: MessagePayload[] = [];
    for (let page = 1; page <= pages; page++) {
      const shown = renderBriefingPage([flood], page, state);
      expect(shown.page).toBe(page);
      expectWithinLimits([shown.payload]);
      all.push(shown.payload);
    }
    const text = sectionText(all);
    let from = 0;
    for (const item of [
      ...flood.sections.whatHappened,
      ...flood.sections.whyItMatters,
      ...flood.sections.implications,
    ]) {
      const at = text.indexOf(`• ${item}`, from);
      expect(at).toBeGreaterThanOrEqual(from);
      from = at;
    }
    const last = all.at(-1) ?? {};
    expect(smallPrintOf(last).at(-1)).toBe(
      `Page ${pages}/${pages} · Source: Reuters · 15 Dec 2025 · id berlin-talks`,
    );
    expect(pageButtonsOf(last).map((button) => button.disabled)).toEqual([false, true]);
  });

  it('clamps a page out of range, and renders the same page the same way every time', () => {
    const { pages } = renderBriefingPage([flood], 1, state);
    expect(renderBriefingPage([flood], 999, state).page).toBe(pages);
    expect(renderBriefingPage([flood], 0, state).page).toBe(1);
    expect(renderBriefingPage([flood], 3, state).payload).toEqual(
      renderBriefingPage([flood], 3, state).payload,
    );
  });

  it('shows a briefing that fits one message as it is: no buttons, no page number', () => {
    const paged = renderBriefingPage([berlinTalks], 1, state);
    expect(paged.pages).toBe(1);
    expect(paged.payload).toEqual(renderBriefing(berlinTalks));
  });

  it('pages a day of several briefings, each whole and in order', () => {
    const second = makeBriefing({
      id: 'second',
      title: 'A second briefing',
      date: '2025-12-15',
      source: { name: 'Reuters' },
    });
    const day = [flood, second];
    const { pages } = renderBriefingPage(day, 1, { ...state, view: 'day', query: '2025-12-15' });
    const last = renderBriefingPage(day, pages, { ...state, view: 'day', query: '2025-12-15' }).payload;
    expect(headingsOf(last).at(-1)).toBe('A second briefing');
    expect(smallPrintOf(last).at(-1)).toMatch(/^Page \d+\/\d+ · Source: Reuters · 15 Dec 2025 · id second$/);
  });

  it('uses at most 40 components and 4,000 characters a page, buttons and page number included', () => {
    const { pages } = renderBriefingPage([flood], 1, state);
    for (let page = 1; page <= pages; page += 7) {
      const { components, chars } = usage(renderBriefingPage([flood], page, state).payload);
      expect(components).toBeLessThanOrEqual(V2_LIMITS.componentsPerMessage);
      expect(chars).toBeLessThanOrEqual(V2_LIMITS.textPerMessage);
      // Room is left for a note put in front of the answer.
      expect(chars).toBeLessThanOrEqual(V2_LIMITS.textPerMessage - 250);
    }
  });

  it('shortens a megabyte title: one page, the heading cut and the title repeated up to a block of text', () => {
    const title = words(3, 120_000);
    expect(title.length).toBeGreaterThan(1_000_000);
    const briefing = makeBriefing({ id: 'talks', title });
    const paged = renderBriefingPage([briefing], 1, state);
    expect(paged.pages).toBe(1);
    expectWithinLimits([paged.payload]);
    const heading = titleOf(paged.payload) ?? '';
    expect(heading.length).toBeLessThanOrEqual(TITLE_MAX);
    expect(heading.endsWith('…')).toBe(true);
    const head = textOf(paged.payload).split('\n\n')[0] ?? '';
    expect(head).toContain(`**${title.slice(0, 1000)}`);
    expect(textOf(paged.payload).length).toBeLessThan(1500 + briefing.summary.length + 300);
  });

  it('repeats a megabyte section heading at most a block of text under its shortened name', () => {
    const heading = words(4, 120_000);
    const briefing = makeBriefing({
      id: 'talks',
      sections: {
        whatHappened: ['Talks resumed.'],
        whyItMatters: ['Territory is the hard question.'],
        implications: ['Another round follows.'],
        other: [{ heading, items: ['One point.'] }],
      },
    });
    const paged = renderBriefingPage([briefing], 1, state);
    expect(paged.pages).toBe(1);
    expectWithinLimits([paged.payload]);
    const section = sectionsOf(paged.payload).find((s) => s.name.startsWith('w4x0'));
    expect(section?.name.endsWith('…')).toBe(true);
    expect(section?.text).toMatch(/^\*\*w4x0 .*…\*\*\n• One point\.$/);
  });

  it('shortens a megabyte source name and an unlinkable url in the small print', () => {
    const name = words(5, 120_000);
    const url = `https://example.com/${'a'.repeat(3000)}`;
    const briefing = makeBriefing({ id: 'talks', date: '2025-12-15', source: { name, url } });
    const paged = renderBriefingPage([briefing], 1, state);
    expect(paged.pages).toBe(1);
    expectWithinLimits([paged.payload]);
    expect(buttonsOf(paged.payload)).toEqual([]);
    expect(smallPrintOf(paged.payload).at(-1)).toMatch(
      /^Source: w5x0 .*… \(https:\/\/example\.com\/a+…\) · 15 Dec 2025/,
    );
  });
});

describe('source links', () => {
  const linkOf = (url: string) =>
    buttonsOf(renderBriefing(makeBriefing({ id: 'talks', source: { name: 'Wire', url } })))[0]?.url;

  it('are sent normalised: spaces and quotes percent-encoded, the host in punycode', () => {
    expect(linkOf('https://example.com/a b')).toBe('https://example.com/a%20b');
    expect(linkOf('https://example.com/"><img src=x>')).toBe('https://example.com/%22%3E%3Cimg%20src=x%3E');
    expect(linkOf('https://Bücher.example/straße?q=a b')).toBe(
      'https://xn--bcher-kva.example/stra%C3%9Fe?q=a%20b',
    );
    expect(linkOf(' https://example.com/x ')).toBe('https://example.com/x');
    for (const url of ['https://example.com/a b', 'https://Bücher.example/x']) {
      expectWithinLimits([renderBriefing(makeBriefing({ id: 'talks', source: { name: 'Wire', url } }))]);
    }
  });

  it('are dropped when they cannot be made an http(s) link of at most 2,048 characters', () => {
    expect(linkOf('"><img src=x onerror=alert(1)>')).toBeUndefined();
    expect(linkOf('javascript:alert(1)')).toBeUndefined();
    expect(linkOf('https://exa mple.com/')).toBeUndefined();
    // 700 spaces become 2,100 characters once encoded.
    const long = renderBriefing(
      makeBriefing({ id: 'talks', source: { name: 'Wire', url: `https://example.com/${' x'.repeat(700)}` } }),
    );
    expect(buttonsOf(long)).toEqual([]);
    expect(textOf(long)).not.toContain('](');
  });

  it('are held to their normalised form by the limit check', () => {
    const withLink = (url: string): MessagePayload => ({
      flags: 1 << 15,
      components: [
        {
          type: ComponentType.Section,
          components: [{ type: ComponentType.TextDisplay, content: 'Wire' }],
          accessory: { type: ComponentType.Button, style: ButtonStyle.Link, label: 't', url },
        },
      ],
    });
    expect(checkMessageLimits(withLink('https://example.com/a b'))).toEqual([
      'link button "t" url is not a normalised http(s) link of at most 512 characters',
    ]);
    expect(checkMessageLimits(withLink('https://example.com/a%20b'))).toEqual([]);
    expect(checkMessageLimits({ embeds: [{ title: 't', url: 'https://example.com/a b' }] })).toEqual([
      'embed 1 url is not a normalised http(s) link of at most 2,048 characters',
    ]);
  });
});
