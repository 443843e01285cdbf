/**
 * The YAML block between `---` lines at the top of a markdown briefing. Read as YAML 1.2 (core schema),
 * so `date: 2025-12-15` stays the text "2025-12-15" and never becomes a time-zone-shifted Date.
 */
import { parseDocument } from 'yaml';
import type { Problem } from './model.js';
import { readSimpleFrontMatter } from './simple-yaml.js';

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
/** Far above any real front matter; the YAML parser slows down badly on huge, odd input. */
const MAX_FRONT_MATTER_CHARS = 8 * 1024;

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
  const simple = readSimpleFrontMatter(yamlLines);
  if (simple) return { data: simple, bodyStart: close + 1, problems: [], lineOf };
  const text = yamlLines.join('\n');
  if (text.length > MAX_FRONT_MATTER_CHARS) {
    const message = 'the front matter is longer than 8 KB: keep it to fields such as title, date and summary';
    return { data: null, bodyStart: close + 1, problems: [{ file, line: 1, message }], lineOf };
  }
  const { data, problems } = readYaml(file, text);
  return { data, bodyStart: close + 1, problems, lineOf };
}

function readYaml(file: string, text: string): { data: Record<string, unknown> | null; problems: Problem[] } {
  try {
    const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
    if (doc.errors.length > 0) {
      return {
        data: null,
        problems: doc.errors.map((error) => ({
          file,
          line: (error.linePos?.[0]?.line ?? 0) + 1,
          message: yamlMessage(error.code, error.message),
        })),
      };
    }
    const value: unknown = doc.toJS({ maxAliasCount: 20 });
    if (value === null || value === undefined) return { data: {}, problems: [] };
    if (typeof value !== 'object' || Array.isArray(value)) {
      const message = 'the front matter must be `key: value` lines (title:, date:, summary:, ...)';
      return { data: null, problems: [{ file, line: 2, message }] };
    }
    return { data: value as Record<string, unknown>, problems: [] };
  } catch (error) {
    const message = `the front matter could not be read as YAML: ${error instanceof Error ? error.message : String(error)}`;
    return { data: null, problems: [{ file, line: 1, message }] };
  }
}

function yamlMessage(code: string, raw: string): string {
  const first = (raw.split('\n')[0] ?? raw).replace(/ at line \d+, column \d+:?$/, '');
  if (code === 'DUPLICATE_KEY') return `front matter: ${first.toLowerCase()} (each field may appear once)`;
  return `front matter is not valid YAML: ${first} (put values holding \`: \`, \`#\` or starting with a quote or bracket in quotes)`;
}
