/**
 * The YAML block between `---` lines at the top of a markdown briefing, read with js-yaml.
 * Every front matter field is text, so values stay exactly as the editor wrote them: `date: 2025-12-15`
 * never becomes a time-zone-shifted Date, `title: 2025`, `id: 007` or `title: yes` never become numbers
 * or booleans. Only `~`, `null` and an empty value mean "not given".
 */
import { FAILSAFE_SCHEMA, load, Type, YAMLException } from 'js-yaml';
import type { Problem } from './model.js';
import { readSimpleYaml } from './simple-yaml.js';

export interface FrontMatter {
  /** True when the front matter is never closed: the rest of the file cannot be told apart from it. */
  unclosed?: boolean;
  /** Key-values; empty when the file has no front matter, null when it could not be read. */
  data: Record<string, unknown> | null;
  /** Index (0-based) of the first line after the front matter. */
  bodyStart: number;
  problems: Problem[];
  /** 1-based line of a top-level key, for pointing problems at it. */
  lineOf(key: string): number | undefined;
}

const FENCE = '---';
/** Front matter is a handful of fields; this much is pasted text, better named than shown as YAML errors. */
const MAX_FRONT_MATTER_CHARS = 8 * 1024;
/** Strings, lists, mappings and null: no numbers, booleans or timestamps to reinterpret what was written. */
/** YAML's own null (`~`, `null`, nothing): the one implicit type kept, so a blank field means "not given". */
const NULL = new Type('tag:yaml.org,2002:null', {
  kind: 'scalar',
  resolve: (text: string | null) =>
    text === null || text === '' || text === '~' || /^(null|Null|NULL)$/.test(text),
  construct: () => null,
});
export const TEXT_SCHEMA = FAILSAFE_SCHEMA.extend({ implicit: [NULL] });
const LOAD_OPTIONS = { schema: TEXT_SCHEMA };
const QUOTE_HINT = 'put values holding `: `, `#` or starting with a quote or bracket in quotes';

/** js-yaml with the text-only schema: what the quick road must agree with. */
export function loadTextYaml(text: string): unknown {
  return load(text, LOAD_OPTIONS);
}

export function readFrontMatter(file: string, lines: readonly string[]): FrontMatter {
  const noLine = () => undefined;
  if (lines[0]?.trimEnd() !== FENCE) return { data: {}, bodyStart: 0, problems: [], lineOf: noLine };
  let close = -1;
  for (let index = 1; index < lines.length; index++) {
    const line = lines[index]!.trimEnd();
    if (line === FENCE || line === '...') {
      close = index;
      break;
    }
  }
  if (close === -1) {
    const message =
      'the front matter opened on line 1 is never closed: add a line with `---` after its last field';
    return {
      data: null,
      bodyStart: lines.length,
      problems: [{ file, line: 1, message }],
      lineOf: noLine,
      unclosed: true,
    };
  }
  const yamlLines = lines.slice(1, close);
  const lineOf = (key: string) => {
    const at = yamlLines.findIndex((line) => line.startsWith(`${key}:`) || line.startsWith(`${key} :`));
    return at === -1 ? undefined : at + 2;
  };
  const text = yamlLines.join('\n');
  if (text.length > MAX_FRONT_MATTER_CHARS) {
    const message = 'the front matter is longer than 8 KB: keep it to fields such as title, date and summary';
    return { data: null, bodyStart: close + 1, problems: [{ file, line: 1, message }], lineOf };
  }
  const simple = readSimpleYaml(yamlLines);
  if (simple) return { data: simple, bodyStart: close + 1, problems: [], lineOf };
  const { data, problems } = readYaml(file, yamlLines, text);
  return { data, bodyStart: close + 1, problems, lineOf };
}

/** The YAML starts on the line after the opening `---` (file line 2). */
const FIRST_YAML_LINE = 2;

function readYaml(
  file: string,
  yamlLines: readonly string[],
  text: string,
): { data: Record<string, unknown> | null; problems: Problem[] } {
  let value: unknown;
  try {
    value = loadTextYaml(text);
  } catch (error) {
    // js-yaml refuses a document with no content; for front matter that is simply no fields.
    if (yamlLines.every(isBlankOrComment)) return { data: {}, problems: [] };
    return { data: null, problems: [yamlProblem(file, yamlLines, error)] };
  }
  if (value === null || value === undefined) return { data: {}, problems: [] };
  if (typeof value !== 'object' || Array.isArray(value)) {
    const message = 'the front matter must be `key: value` lines (title:, date:, summary:, ...)';
    return { data: null, problems: [{ file, line: FIRST_YAML_LINE, message }] };
  }
  return { data: value as Record<string, unknown>, problems: [] };
}

function isBlankOrComment(line: string): boolean {
  const trimmed = line.trim();
  return trimmed === '' || trimmed.startsWith('#');
}

function yamlProblem(file: string, yamlLines: readonly string[], error: unknown): Problem {
  if (!(error instanceof YAMLException)) {
    const reason = error instanceof Error ? error.message : String(error);
    return { file, line: 1, message: `the front matter could not be read as YAML: ${reason}` };
  }
  // An error found at the end of the input (a quote never closed) belongs to the last line written.
  const at =
    error.mark?.line === undefined ? undefined : Math.min(error.mark.line, Math.max(0, yamlLines.length - 1));
  const line = at === undefined ? 1 : FIRST_YAML_LINE + at;
  if (error.reason === 'duplicated mapping key') {
    const key = at === undefined ? undefined : /^\s*([^:#]+?)\s*:/.exec(yamlLines[at] ?? '')?.[1];
    const field = key ? `\`${key}\`` : 'a field';
    return { file, line, message: `front matter: ${field} is given twice (each field may appear once)` };
  }
  const hint = error.reason.includes('tab') ? 'indent with spaces, not tabs' : QUOTE_HINT;
  return { file, line, message: `front matter is not valid YAML: ${error.reason} (${hint})` };
}
