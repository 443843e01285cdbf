/** A briefing as a Discord answer: one embed when it fits, continued over further embeds and messages when not. */
import { type Briefing, SECTION_KEYS, SECTION_LABELS, type SectionKey } from '../briefing/model.js';
import type { Section } from './fields.js';
import { bullet, COLORS, formatDate, linkable } from './format.js';
import { type EmbedDoc, layoutEmbeds, packMessages, toReply } from './pack.js';
import type { Reply } from './payload.js';

export interface BriefingRenderOptions {
  /** Only this section (with title and summary). */
  section?: SectionKey;
}

function footerOf(briefing: Briefing): string {
  const parts: string[] = [];
  const source = briefing.source;
  if (source) {
    // A link the title cannot carry is still shown, as text.
    const unlinked = source.url && !linkable(source.url) ? ` (${source.url})` : '';
    parts.push(`Source: ${source.name}${unlinked}`);
  }
  // Text rather than an embed timestamp: a briefing's date is a calendar day, not an instant.
  parts.push(formatDate(briefing.date), `id ${briefing.id}`);
  return parts.join(' · ');
}

function sectionsOf(briefing: Briefing, only: SectionKey | undefined): Section[] {
  const { sections } = briefing;
  if (only) {
    const items = sections[only];
    return [
      {
        name: SECTION_LABELS[only],
        lines: items.length ? items.map(bullet) : [`*This briefing has no ${SECTION_LABELS[only]} section.*`],
      },
    ];
  }
  const all: Section[] = SECTION_KEYS.map((key) => ({
    name: SECTION_LABELS[key],
    lines: sections[key].map(bullet),
  }));
  for (const extra of sections.other ?? []) all.push({ name: extra.heading, lines: extra.items.map(bullet) });
  if (briefing.tags.length) all.push({ name: 'Tags', lines: [briefing.tags.join(' · ')] });
  return all.filter((section) => section.lines.length);
}

/** The briefing as one logical embed, before it is laid out within the limits. */
export function briefingDoc(briefing: Briefing, options: BriefingRenderOptions = {}): EmbedDoc {
  const url = linkable(briefing.source?.url);
  return {
    title: briefing.title.trim() || briefing.id,
    ...(url ? { url } : {}),
    color: COLORS.briefing,
    ...(briefing.author ? { author: briefing.author } : {}),
    // The deck line, when the brief has one, reads as a standfirst above the summary.
    description: briefing.subtitle ? `*${briefing.subtitle}*\n\n${briefing.summary}` : briefing.summary,
    sections: sectionsOf(briefing, options.section),
    footer: footerOf(briefing),
  };
}

export function renderBriefing(briefing: Briefing, options: BriefingRenderOptions = {}): Reply {
  return toReply(packMessages(layoutEmbeds(briefingDoc(briefing, options))));
}

/** Several briefings (a day with more than one) in one answer, each complete, in the order given. */
export function renderBriefings(briefings: readonly Briefing[], options: BriefingRenderOptions = {}): Reply {
  return toReply(packMessages(briefings.flatMap((briefing) => layoutEmbeds(briefingDoc(briefing, options)))));
}
