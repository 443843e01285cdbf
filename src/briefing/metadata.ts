/**
 * A briefing's optional metadata, declared once. A field listed here is read from front matter, from JSON and
 * (where `line` says so) from a brief's `Key: value` lines, cleaned and checked, written back by to-markdown and
 * to-json, and counted in a briefing's model type; only showing it to readers is render/'s to decide.
 */

/** Free text: absent, or a non-empty string. */
export const TEXT_METADATA = {
  /** The deck line under the title. */
  subtitle: { keys: ['subtitle', 'deck'], line: false },
  author: { keys: ['author'], line: true },
} as const satisfies Record<string, MetadataSpec>;

/** Lists of names: written `[a, b]` or `a, b`, kept in order without repeats (compared case-insensitively). */
export const LIST_METADATA = {
  tags: { keys: ['tags'], line: true },
  /** Parties the file declares explicitly (canonical names or aliases). */
  parties: { keys: ['parties'], line: true },
} as const satisfies Record<string, MetadataSpec>;

interface MetadataSpec {
  /** The names it may be written under, the first being how it is written back. */
  keys: readonly string[];
  /** Also read from a `Key: value` line in a plain-text brief. */
  line: boolean;
}

export type TextField = keyof typeof TEXT_METADATA;
export type ListField = keyof typeof LIST_METADATA;

export const TEXT_FIELDS = Object.keys(TEXT_METADATA) as TextField[];
export const LIST_FIELDS = Object.keys(LIST_METADATA) as ListField[];

export type TextMetadata = { [K in TextField]?: string };
export type ListMetadata = { [K in ListField]: string[] };

/** Every list field, empty: what a briefing that names no tags or parties holds. */
export function emptyLists(): ListMetadata {
  return Object.fromEntries(LIST_FIELDS.map((field) => [field, []])) as unknown as ListMetadata;
}

interface MetadataKey {
  key: string;
  field: TextField | ListField;
  kind: 'text' | 'list';
  /** Also read from a brief's `Key: value` line. */
  line: boolean;
}

/** Every front matter / JSON key of the metadata, with the field it fills: built once, read on every line. */
export const METADATA_KEYS: readonly MetadataKey[] = keysOf();

function keysOf(): MetadataKey[] {
  const text = TEXT_FIELDS.flatMap((field) =>
    TEXT_METADATA[field].keys.map((key) => ({
      key,
      field,
      kind: 'text' as const,
      line: TEXT_METADATA[field].line,
    })),
  );
  const lists = LIST_FIELDS.flatMap((field) =>
    LIST_METADATA[field].keys.map((key) => ({
      key,
      field,
      kind: 'list' as const,
      line: LIST_METADATA[field].line,
    })),
  );
  return [...text, ...lists];
}

/** The keys a brief may give the metadata under on a line of their own (`Author:`, `Tags:`). */
export function lineKeys(): string[] {
  return METADATA_KEYS.filter((entry) => entry.line).map((entry) => entry.key);
}

/** The field a brief's `Key:` line fills, if any. */
export function fieldOfLine(key: string): MetadataKey | undefined {
  return METADATA_KEYS.find((entry) => entry.line && entry.key === key);
}
