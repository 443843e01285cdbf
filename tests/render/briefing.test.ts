import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/message/limits.js';
import type { MessagePayload } from '../../src/message/payload.js';
import { renderBriefing, renderBriefingPage, renderBriefings } from '../../src/render/briefing.js';
import { checkMessageLimits } from '../../src/render/check.js';
import { decodePageId } from '../../src/render/page-id.js';
import { replyToText } from '../../src/render/text.js';
import { makeBriefing } from '../support/briefings.js';
import { berlinTalks, expectWithinLimits, fieldText, messagesOf, visibleText, words } from './helpers.js';

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('renderBriefing', () => {
  it('shows an ordinary briefing as one embed with the three sections as bullet fields', () => {
    const reply = renderBriefing(berlinTalks);
    expect(reply.followUps).toBeUndefined();
    const [embed] = reply.embeds ?? [];
    expect(reply.embeds).toHaveLength(1);
    expect(embed?.title).toBe('Envoys press Kyiv on Donetsk during Berlin talks');
    expect(embed?.url).toBe('https://www.reuters.com/world/europe/berlin-talks');
    expect(embed?.description).toContain('territory remained the hard question');
    expect(embed?.author?.name).toBe('Desk Editor');
    expect(embed?.fields?.map((field) => field.name)).toEqual([
      'What happened',
      'Why it matters',
      'Implications',
      'Tags',
    ]);
    expect(embed?.fields?.[0]?.value).toBe(
      '• Negotiators from Washington met the Ukrainian president in Berlin.\n• Kyiv signalled it could drop its NATO bid.',
    );
    expect(embed?.footer?.text).toBe('Source: Reuters · 15 Dec 2025 · id berlin-talks');
    expect(embed?.timestamp).toBeUndefined();
    expectWithinLimits([reply]);
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
    const names = renderBriefing(briefing).embeds?.[0]?.fields?.map((field) => field.name);
    expect(names).toEqual(['What happened', 'Implications', 'Background', 'Key quotes']);
  });

  it('narrows to one section with the title and summary', () => {
    const reply = renderBriefing(berlinTalks, { section: 'whyItMatters' });
    const embed = reply.embeds?.[0];
    expect(embed?.title).toContain('Berlin talks');
    expect(embed?.description).toContain('Berlin');
    expect(embed?.fields?.map((field) => field.name)).toEqual(['Why it matters']);
  });

  it('says so when the narrowed section is empty', () => {
    const briefing = makeBriefing({
      id: 'talks',
      sections: { whatHappened: ['x'], whyItMatters: [], implications: [] },
    });
    const field = renderBriefing(briefing, { section: 'implications' }).embeds?.[0]?.fields?.[0];
    expect(field).toEqual({ name: 'Implications', value: '*This briefing has no Implications section.*' });
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
    const briefing = makeBriefing({ id: 'talks', source: { name: 'Wire', url: 'not a url' } });
    const embed = renderBriefing(briefing).embeds?.[0];
    expect(embed?.url).toBeUndefined();
    expect(embed?.footer?.text).toContain('Source: Wire (not a url)');
  });

  it('handles a briefing without source, author or tags', () => {
    const reply = renderBriefing(
      makeBriefing({ id: 'berlin-talks', date: '2025-12-15', source: null, author: undefined, tags: [] }),
    );
    const embed = reply.embeds?.[0];
    expect(embed?.author).toBeUndefined();
    expect(embed?.footer?.text).toBe('15 Dec 2025 · id berlin-talks');
    expectWithinLimits([reply]);
  });
});

describe('renderBriefing at the limits', () => {
  it('splits 60 bullets over continued fields without losing or breaking any', () => {
    const bullets = Array.from({ length: 60 }, (_, i) => words(i, 20));
    const briefing = makeBriefing({
      id: 'talks',
      sections: { whatHappened: bullets, whyItMatters: bullets, implications: bullets },
    });
    const messages = messagesOf(renderBriefing(briefing));
    expectWithinLimits(messages);
    const fields = messages.flatMap((message) => message.embeds ?? []).flatMap((embed) => embed.fields ?? []);
    expect(fields.filter((field) => field.name === 'What happened (cont.)').length).toBeGreaterThan(0);
    // Each value holds whole bullets only.
    for (const field of fields.filter((f) => f.name !== 'Tags')) {
      for (const line of field.value.split('\n')) expect(line).toMatch(/^• (w\d+x\d+ ?)+$/);
    }
    const text = fieldText(messages);
    for (const bullet of bullets) expect(text).toContain(`• ${bullet}`);
  });

  it('spreads a 5,000-character summary over two descriptions', () => {
    const summary = words(7, 800);
    expect(summary.length).toBeGreaterThan(5000);
    const messages = messagesOf(renderBriefing(makeBriefing({ id: 'talks', summary })));
    expectWithinLimits(messages);
    const descriptions = messages.flatMap((m) => m.embeds ?? []).map((embed) => embed.description ?? '');
    expect(squash(descriptions.join(' '))).toContain(summary);
    expect(descriptions.filter(Boolean).length).toBe(2);
  });

  it('shortens a 300-character title with an ellipsis and keeps it whole in the description', () => {
    const title = words(9, 60).slice(0, 300);
    const embed = renderBriefing(makeBriefing({ id: 'talks', title })).embeds?.[0];
    expect(embed?.title?.length).toBeLessThanOrEqual(LIMITS.embedTitle);
    expect(embed?.title?.endsWith('…')).toBe(true);
    expect(embed?.description?.startsWith(`**${title}**`)).toBe(true);
  });

  it('splits a single 3,000-character bullet at word boundaries into consecutive parts', () => {
    const long = words(11, 450);
    expect(long.length).toBeGreaterThan(3000);
    const briefing = makeBriefing({
      id: 'talks',
      sections: { whatHappened: ['Before.', long, 'After.'], whyItMatters: [], implications: [] },
    });
    const messages = messagesOf(renderBriefing(briefing));
    expectWithinLimits(messages);
    const fields = messages.flatMap((m) => m.embeds ?? []).flatMap((embed) => embed.fields ?? []);
    const parts = fields.filter((field) => field.name.startsWith('What happened'));
    expect(parts.length).toBeGreaterThanOrEqual(3);
    // Cut between words only: every token of every part is a whole word.
    for (const part of parts) {
      for (const token of part.value.split(/\s+/)) expect(token).toMatch(/^(•|Before\.|After\.|w11x\d+)$/);
    }
    expect(fieldText(messages)).toContain(`• Before. • ${long} • After.`);
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
    // The footer closes the last message, once.
    const footers = messages.flatMap((m) => m.embeds ?? []).filter((embed) => embed.footer);
    expect(footers).toHaveLength(1);
    expect(messages.at(-1)?.embeds?.at(-1)?.footer?.text).toContain('id berlin-talks');
  });
});

describe('renderBriefings', () => {
  it('shows several briefings whole in one reply', () => {
    const reply = renderBriefings([berlinTalks, makeBriefing({ id: 'second', title: 'A second briefing' })]);
    expect(reply.embeds?.map((embed) => embed.title)).toEqual([
      'Envoys press Kyiv on Donetsk during Berlin talks',
      'A second briefing',
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
  const buttonsOf = (message: MessagePayload) =>
    (message.components?.[0]?.components ?? []).map((button) => ({
      label: 'label' in button ? button.label : undefined,
      disabled: 'disabled' in button ? button.disabled : undefined,
      state: 'custom_id' in button ? decodePageId(button.custom_id) : null,
    }));

  it('shows the first part of a long briefing with Previous/Next, and no follow-ups', () => {
    const whole = renderBriefing(flood);
    expect(whole.followUps?.length).toBeGreaterThan(20);
    const first = renderBriefingPage([flood], 1, state);
    expect(first.pages).toBeGreaterThanOrEqual(messagesOf(whole).length);
    expect((first.payload as { followUps?: unknown }).followUps).toBeUndefined();
    expectWithinLimits([first.payload]);
    expect(first.payload.embeds?.[0]?.title).toBe(flood.title);
    expect(first.payload.embeds?.at(-1)?.footer?.text).toBe(`Page 1/${first.pages}`);
    expect(buttonsOf(first.payload)).toEqual([
      { label: 'Previous', disabled: true, state: { ...state, page: 0 } },
      { label: 'Next', disabled: false, state: { ...state, page: 2 } },
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
    const text = fieldText(all);
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
    const last = all.at(-1);
    expect(last?.embeds?.at(-1)?.footer?.text).toBe(
      `Page ${pages}/${pages} · Source: Reuters · 15 Dec 2025 · id berlin-talks`,
    );
    expect(buttonsOf(last ?? {}).map((button) => button.disabled)).toEqual([false, true]);
  });

  it('clamps a page out of range, and renders the same page the same way every time', () => {
    const { pages } = renderBriefingPage([flood], 1, state);
    expect(renderBriefingPage([flood], 999, state).page).toBe(pages);
    expect(renderBriefingPage([flood], 0, state).page).toBe(1);
    expect(renderBriefingPage([flood], 3, state).payload).toEqual(
      renderBriefingPage([flood], 3, state).payload,
    );
  });

  it('shows a briefing that fits one message as it always did: no buttons, no page number', () => {
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
    expect(last.embeds?.at(-1)?.title).toBe('A second briefing');
    expect(last.embeds?.at(-1)?.footer?.text).toMatch(
      /^Page \d+\/\d+ · Source: Reuters · 15 Dec 2025 · id second$/,
    );
  });

  it('shortens a megabyte title: one page, the title cut to 256 and repeated up to a field of text', () => {
    const title = words(3, 120_000);
    expect(title.length).toBeGreaterThan(1_000_000);
    const briefing = makeBriefing({ id: 'talks', title });
    const paged = renderBriefingPage([briefing], 1, state);
    expect(paged.pages).toBe(1);
    expectWithinLimits([paged.payload]);
    const embed = paged.payload.embeds?.[0];
    expect(embed?.title?.length).toBeLessThanOrEqual(LIMITS.embedTitle);
    expect(embed?.title?.endsWith('…')).toBe(true);
    expect(embed?.description?.startsWith(`**${title.slice(0, 1000)}`)).toBe(true);
    expect(embed?.description?.length).toBeLessThan(1100 + briefing.summary.length);
  });

  it('repeats a megabyte section heading at most a field of text under its shortened name', () => {
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
    const field = paged.payload.embeds?.[0]?.fields?.find((f) => f.name.startsWith('w4x0'));
    expect(field?.name.endsWith('…')).toBe(true);
    expect(field?.value).toMatch(/^\*\*w4x0 .*…\*\*$/);
    expect(fieldText([paged.payload])).toContain('…** • One point.');
  });

  it('shortens a megabyte source name and an unlinkable url in the footer', () => {
    const name = words(5, 120_000);
    const url = `https://example.com/${'a'.repeat(3000)}`;
    const briefing = makeBriefing({ id: 'talks', date: '2025-12-15', source: { name, url } });
    const paged = renderBriefingPage([briefing], 1, state);
    expect(paged.pages).toBe(1);
    expectWithinLimits([paged.payload]);
    const embed = paged.payload.embeds?.[0];
    expect(embed?.url).toBeUndefined();
    expect(embed?.footer?.text).toMatch(/^Source: w5x0 .*… \(https:\/\/example\.com\/a+…\) · 15 Dec 2025/);
  });
});

describe('embed urls', () => {
  const urlOf = (url: string) =>
    renderBriefing(makeBriefing({ id: 'talks', source: { name: 'Wire', url } })).embeds?.[0]?.url;

  it('are sent normalised: spaces and quotes percent-encoded, the host in punycode', () => {
    expect(urlOf('https://example.com/a b')).toBe('https://example.com/a%20b');
    expect(urlOf('https://example.com/"><img src=x>')).toBe('https://example.com/%22%3E%3Cimg%20src=x%3E');
    expect(urlOf('https://Bücher.example/straße?q=a b')).toBe(
      'https://xn--bcher-kva.example/stra%C3%9Fe?q=a%20b',
    );
    expect(urlOf(' https://example.com/x ')).toBe('https://example.com/x');
    for (const url of ['https://example.com/a b', 'https://Bücher.example/x']) {
      expectWithinLimits([renderBriefing(makeBriefing({ id: 'talks', source: { name: 'Wire', url } }))]);
    }
  });

  it('are dropped when they cannot be made an http(s) link of at most 2,048 characters', () => {
    expect(urlOf('"><img src=x onerror=alert(1)>')).toBeUndefined();
    expect(urlOf('javascript:alert(1)')).toBeUndefined();
    expect(urlOf('https://exa mple.com/')).toBeUndefined();
    // 700 spaces become 2,100 characters once encoded.
    expect(urlOf(`https://example.com/${' x'.repeat(700)}`)).toBeUndefined();
  });

  it('are held to their normalised form by the limit check', () => {
    expect(checkMessageLimits({ embeds: [{ title: 't', url: 'https://example.com/a b' }] })).toEqual([
      'embed 1 url is not a normalised http(s) link of at most 2,048 characters',
    ]);
    expect(checkMessageLimits({ embeds: [{ title: 't', url: 'https://example.com/a%20b' }] })).toEqual([]);
  });
});
