/**
 * What editors may write in front matter and in JSON briefings, as zod schemas whose messages read
 * like advice ("`tags` must be a list like [ukraine, talks]"), not like type dumps.
 */
import { z } from 'zod';
import { METADATA_KEYS } from './metadata.js';

// No `.transform()` here: it takes zod off its fast path (10x slower), and loading 10,000 files
// validates 10,000 front matters. `asText` and `asList` finish the job.

/** Text, or a number YAML read from unquoted digits (`title: 1984`). */
const text = (field: string) => z.union([z.string(), z.number()], { error: `\`${field}\` must be text` });

/** A list of text, or one comma-separated line of it. */
const textList = (field: string) =>
  z.union([z.array(z.union([z.string(), z.number()])), z.string()], {
    error: `\`${field}\` must be a list like [first, second] or text separated by commas`,
  });

export function asText(value: string | number): string;
export function asText(value: string | number | null | undefined): string | undefined;
export function asText(value: string | number | null | undefined): string | undefined {
  return value === null || value === undefined ? undefined : String(value);
}

export function asList(value: readonly (string | number)[] | string | null | undefined): string[] {
  if (value === null || value === undefined) return [];
  return typeof value === 'string' ? value.split(',') : value.map(String);
}

const sourceObject = z.object(
  {
    name: text('source.name'),
    url: text('source.url').nullish(),
  },
  { error: '`source` must be a name, or `name:` and `url:` lines' },
);

const source = z.union([text('source'), sourceObject], {
  error: '`source` must be a name, or `name:` and `url:` lines',
});

/** The metadata's keys (metadata.ts), each checked as text or as a list. */
const metadata = Object.fromEntries(
  METADATA_KEYS.map(({ key, kind }) => [key, (kind === 'text' ? text(key) : textList(key)).nullish()]),
) as Record<string, z.ZodOptional<z.ZodNullable<ReturnType<typeof text> | ReturnType<typeof textList>>>>;

export const frontMatterShape = z.object({
  id: text('id').nullish(),
  title: text('title').nullish(),
  date: text('date').nullish(),
  summary: text('summary').nullish(),
  source: source.nullish(),
  source_url: text('source_url').nullish(),
  ...metadata,
});

export type FrontMatterFields = z.infer<typeof frontMatterShape>;

const items = (field: string) =>
  z.array(z.string({ error: `each item of \`${field}\` must be text` }), {
    error: `\`${field}\` must be a list of text`,
  });

export const jsonBriefingShape = z.object(
  {
    id: text('id').nullish(),
    title: text('title').nullish(),
    date: text('date').nullish(),
    summary: text('summary').nullish(),
    sections: z
      .object(
        {
          whatHappened: items('sections.whatHappened').nullish(),
          whyItMatters: items('sections.whyItMatters').nullish(),
          implications: items('sections.implications').nullish(),
          other: z
            .array(
              z.object(
                { heading: text('heading'), items: items('items') },
                { error: 'each further section must be {"heading": ..., "items": [...]}' },
              ),
              { error: '`sections.other` must be a list of {"heading": ..., "items": [...]}' },
            )
            .nullish(),
        },
        { error: '`sections` must be an object holding whatHappened, whyItMatters and implications lists' },
      )
      .nullish(),
    source: source.nullish(),
    ...metadata,
  },
  {
    error:
      'a JSON briefing must be an object: {"title": ..., "date": ..., "summary": ..., "sections": {...}}',
  },
);

export type JsonBriefingFields = z.infer<typeof jsonBriefingShape>;

/** The field a problem is about (`sections.whatHappened`), for finding its line. */
export function issueField(issue: z.core.$ZodIssue): string {
  return issue.path.filter((part) => typeof part === 'string').join('.');
}
