/**
 * The one table of section names. Newsrooms label the same section many ways; every reader maps
 * headings, labels and lead-in phrases through here, so a new synonym is a one-line change.
 */
import type { SectionKey } from './model.js';
import { matchKey } from './text.js';

/** Where a heading's text goes: one of the three sections, or the summary. */
export type SectionTarget = SectionKey | 'summary';

const SECTION_NAMES: Record<SectionTarget, readonly string[]> = {
  whatHappened: [
    'What happened',
    'What happens',
    "What's happening",
    "What's new",
    'Driving the news',
    'The latest',
    'State of play',
    'Key points',
    'Key facts',
    'Key takeaways',
    'Takeaways',
    'Highlights',
    'The news',
    'The facts',
    'What we know',
    'What we know so far',
    'What do we know',
    'Details',
    'The story',
    'The story so far',
  ],
  whyItMatters: [
    'Why it matters',
    'Why this matters',
    'Why that matters',
    "Why it's important",
    "Why this's important",
    'Why is it important',
    'Why does it matter',
    'Why does this matter',
    'The big picture',
    'Between the lines',
    'Context',
    'Significance',
    'The stakes',
    "What's at stake",
    'Why now',
  ],
  implications: [
    'Implications',
    "What's next",
    'What next',
    'What comes next',
    'What happens next',
    'What happens now',
    'What to watch',
    'What to watch for',
    'Looking ahead',
    'Look ahead',
    'The bottom line',
    'Consequences',
    'What it means',
    'What this means',
    'What does it mean',
    'What does this mean',
    'Outlook',
    'Next steps',
  ],
  summary: ['Summary', 'In brief', 'TL;DR', 'TLDR', 'At a glance', 'The gist', 'Overview', 'In short'],
};

/**
 * The form names are compared in, beyond `matchKey`: leading symbols (emoji, arrows) and a leading
 * "the" or "here's" dropped, `&` read as "and", and `what is` / `it is` contracted, so spelling
 * variants of one label meet.
 */
export function labelKey(text: string): string {
  return matchKey(text)
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .replace(/&/g, ' and ')
    .replace(/\b(what|it|this|that) is\b/g, '$1s')
    .replace(/^(?:the|heres|and|so) /, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const BY_KEY: ReadonlyMap<string, SectionTarget> = new Map(
  (Object.entries(SECTION_NAMES) as [SectionTarget, readonly string[]][]).flatMap(([target, names]) =>
    names.map((name) => [labelKey(name), target] as const),
  ),
);

/** Longest name in the table, in characters: a label's colon never comes later than this. */
const LONGEST_NAME = Math.max(...[...BY_KEY.keys()].map((key) => key.length)) + 12;

/** Headings repeat across thousands of files; remembering the answers keeps loading fast. */
const seen = new Map<string, SectionTarget | null>();

/** The section a heading names, if the table knows it. */
export function sectionForHeading(heading: string): SectionTarget | undefined {
  if (heading.length > LONGEST_NAME) return undefined;
  let target = seen.get(heading);
  if (target === undefined) {
    target = BY_KEY.get(labelKey(heading)) ?? null;
    if (seen.size >= 4096) seen.clear();
    seen.set(heading, target);
  }
  return target ?? undefined;
}

export interface HeadingTargets {
  /** Where the heading's text goes. */
  target: SectionTarget;
  /** Set when the heading names a second section too (`Why it matters and what's next`). */
  also?: SectionTarget;
}

const JOINERS = /\s*(?:\band\b|&|\/|\+|,)\s*/i;

/** The section a heading names, or the first of two it names at once. */
export function targetsForHeading(heading: string): HeadingTargets | undefined {
  const whole = sectionForHeading(heading);
  if (whole) return { target: whole };
  if (heading.length > LONGEST_NAME * 2 || !JOINERS.test(heading)) return undefined;
  const parts = heading.split(JOINERS).filter((part) => part.trim());
  if (parts.length !== 2) return undefined;
  const [first, second] = parts.map((part) => sectionForHeading(part.trim()));
  if (!first || !second || first === second) return undefined;
  return { target: first, also: second };
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
