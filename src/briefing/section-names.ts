/**
 * The one table of section names. Newsrooms label the same section many ways; every parser maps
 * headings and Axios-style labels through here, so a new synonym is a one-line change.
 */
import type { SectionKey } from './model.js';
import { matchKey } from './text.js';

/** Where a heading's text goes: one of the three sections, or the summary. */
export type SectionTarget = SectionKey | 'summary';

const SECTION_NAMES: Record<SectionTarget, readonly string[]> = {
  whatHappened: [
    'What happened',
    "What's happening",
    'What is happening',
    "What's new",
    'Driving the news',
    'Key points',
    'Key facts',
    'The news',
    'The facts',
    'What we know',
    'Details',
    'The details',
  ],
  whyItMatters: [
    'Why it matters',
    'Why this matters',
    'Why that matters',
    "Why it's important",
    'Why it is important',
    'Why this is important',
    'The big picture',
    'Big picture',
    'Significance',
    'The stakes',
  ],
  implications: [
    'Implications',
    "What's next",
    'What comes next',
    'What to watch',
    'What to watch for',
    'Looking ahead',
    'The bottom line',
    'Bottom line',
    'Consequences',
    'What it means',
    'Outlook',
    'The outlook',
    'Next steps',
  ],
  summary: ['Summary', 'In brief', 'TL;DR', 'TLDR', 'At a glance', 'The gist', 'Overview'],
};

const BY_KEY: ReadonlyMap<string, SectionTarget> = new Map(
  (Object.entries(SECTION_NAMES) as [SectionTarget, readonly string[]][]).flatMap(([target, names]) =>
    names.map((name) => [matchKey(name), target] as const),
  ),
);

/** Longest name in the table, in characters: a label's colon never comes later than this. */
const LONGEST_NAME = Math.max(...[...BY_KEY.keys()].map((key) => key.length)) + 8;

/** Headings repeat across thousands of files; remembering the answers keeps loading fast. */
const seen = new Map<string, SectionTarget | null>();

/** The section a heading names, if the table knows it. */
export function sectionForHeading(heading: string): SectionTarget | undefined {
  if (heading.length > LONGEST_NAME) return undefined;
  let target = seen.get(heading);
  if (target === undefined) {
    target = BY_KEY.get(matchKey(heading)) ?? null;
    if (seen.size >= 4096) seen.clear();
    seen.set(heading, target);
  }
  return target ?? undefined;
}

export interface LeadingLabel {
  target: SectionTarget;
  /** The text after the label on the same line (may be empty). */
  rest: string;
}

/** An Axios-style label opening a line, `Why it matters: ...` or `**Why it matters:** ...`. */
export function leadingLabel(line: string): LeadingLabel | undefined {
  const colon = line.indexOf(':');
  if (colon <= 0 || colon > LONGEST_NAME) return undefined;
  const target = sectionForHeading(line.slice(0, colon));
  if (!target) return undefined;
  const rest = line
    .slice(colon + 1)
    .replace(/^[*_]+/, '')
    .trim();
  return { target, rest };
}
