/**
 * A fast reader for the plain front matter almost every briefing has (`key: text`, `key: [a, b]`,
 * `- item` lists, one level of `name:`/`url:`). A full YAML parse costs ~100 µs a file, which is most of
 * the budget for loading 10,000 files. Anything it is not sure reads exactly as YAML 1.2 would
 * (numbers, booleans, escapes, comments after values, block scalars, anchors...) returns undefined, and
 * the caller falls back to the `yaml` package. Tests hold it to `yaml`'s result on generated input.
 */

const TOP_KEY = /^([A-Za-z_][A-Za-z0-9_-]*):(?: +(.*))?$/;
const NESTED_KEY = /^( +)([A-Za-z_][A-Za-z0-9_-]*):(?: +(.*))?$/;
const LIST_ITEM = /^( *)- +(.*)$/;
const PLAIN_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Starts that YAML reads as something other than plain text, or could (numbers, null, booleans). */
const RISKY_START = /^(?:[-?:,[\]{}#&*!|>'"%@`+.\d~]|(?:null|true|false)$)/i;

const FLOW_INDICATORS = /[[\]{},:#]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what it looks for
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

const NOT_SIMPLE = Symbol('not simple');
type Scalar = string | typeof NOT_SIMPLE;

function scalar(raw: string, inFlow: boolean): Scalar {
  const value = raw.trim();
  if (value === '' || CONTROL.test(value)) return NOT_SIMPLE;
  const first = value[0];
  if (first === '"' || first === "'") {
    const inner = value.slice(1, -1);
    if (value.length < 2 || value[value.length - 1] !== first || inner.includes(first)) return NOT_SIMPLE;
    if (first === '"' && inner.includes('\\')) return NOT_SIMPLE;
    return inner;
  }
  if (PLAIN_DATE.test(value)) return value;
  if (RISKY_START.test(value)) return NOT_SIMPLE;
  if (value.includes(': ') || value.includes(' #') || value.endsWith(':')) return NOT_SIMPLE;
  if (inFlow && FLOW_INDICATORS.test(value)) return NOT_SIMPLE;
  return value;
}

function flowList(value: string): string[] | typeof NOT_SIMPLE {
  const inner = value.slice(1, -1).trim();
  if (inner === '') return [];
  const items: string[] = [];
  for (const part of inner.split(',')) {
    const item = scalar(part, true);
    if (item === NOT_SIMPLE) return NOT_SIMPLE;
    items.push(item);
  }
  return items;
}

/** Reads `lines` as simple front matter, or returns undefined when YAML proper must decide. */
export function readSimpleFrontMatter(lines: readonly string[]): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  let index = 0;
  while (index < lines.length) {
    const line = lines[index]!;
    if (line.includes('\t')) return undefined;
    if (line.trim() === '') {
      index++;
      continue;
    }
    const match = TOP_KEY.exec(line.trimEnd());
    if (!match) return undefined;
    const key = match[1]!;
    if (Object.hasOwn(out, key) || key === '__proto__') return undefined;
    const value = (match[2] ?? '').trim();
    index++;
    if (value === '') {
      const block = readBlock(lines, index);
      if (!block) return undefined;
      out[key] = block.value;
      index = block.next;
      continue;
    }
    if (value.startsWith('[')) {
      if (!value.endsWith(']')) return undefined;
      const list = flowList(value);
      if (list === NOT_SIMPLE) return undefined;
      out[key] = list;
      continue;
    }
    const text = scalar(value, false);
    if (text === NOT_SIMPLE) return undefined;
    out[key] = text;
  }
  return out;
}

/** An indented list or a one-level mapping under a `key:` line. */
function readBlock(
  lines: readonly string[],
  start: number,
): { value: string[] | Record<string, string>; next: number } | undefined {
  const first = lines[start];
  if (first === undefined || first.includes('\t')) return undefined;
  const item = LIST_ITEM.exec(first.trimEnd());
  if (item) {
    const indent = item[1]!.length;
    const list: string[] = [];
    let index = start;
    while (index < lines.length) {
      const line = lines[index]!.trimEnd();
      const match = LIST_ITEM.exec(line);
      if (!match || match[1]!.length !== indent) break;
      const value = scalar(match[2]!, false);
      if (value === NOT_SIMPLE) return undefined;
      list.push(value);
      index++;
    }
    return { value: list, next: index };
  }
  const nested = NESTED_KEY.exec(first.trimEnd());
  if (!nested) return undefined;
  const indent = nested[1]!.length;
  const map: Record<string, string> = {};
  let index = start;
  while (index < lines.length) {
    const line = lines[index]!;
    if (line.includes('\t')) return undefined;
    const match = NESTED_KEY.exec(line.trimEnd());
    if (!match) {
      if (line.startsWith(' ')) return undefined;
      break;
    }
    if (match[1]!.length !== indent) return undefined;
    const key = match[2]!;
    if (Object.hasOwn(map, key) || key === '__proto__') return undefined;
    const value = scalar(match[3] ?? '', false);
    if (value === NOT_SIMPLE) return undefined;
    map[key] = value;
    index++;
  }
  return { value: map, next: index };
}
