/**
 * The quick road through front matter: most files hold only `key: plain text` lines and one-line
 * `[a, b]` lists, which need no YAML parser. Anything else (quotes, block text, comments, nesting,
 * a key given twice, characters YAML gives a meaning) returns undefined and goes to js-yaml, so the
 * answer is always the one js-yaml with the text-only schema would give.
 */

const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_-]*):(?: (.*))?$/;
/** Characters that make a value more than plain text when they open it. */
const INDICATORS = new Set([...'-?:,[]{}#&*!|>\'"%@`~']);
const NULL_WORDS = new Set(['', '~', 'null', 'Null', 'NULL']);

/** Plain text YAML reads as itself: no indicator first, no `: ` or ` #` inside, nothing YAML trims oddly. */
function isPlainText(value: string): boolean {
  if (value === '' || INDICATORS.has(value[0]!)) return false;
  if (value.includes(': ') || value.includes(' #') || value.endsWith(':') || value.includes('\t'))
    return false;
  return value === value.trim();
}

function readValue(raw: string): string | null | string[] | undefined {
  const value = raw.trimEnd();
  if (NULL_WORDS.has(value)) return value === '' || value === '~' || /^null$/i.test(value) ? null : undefined;
  if (value.startsWith('[') && value.endsWith(']')) return readFlowList(value.slice(1, -1));
  return isPlainText(value) ? value : undefined;
}

/** `[a, b]` with plain items only; `[]` is an empty list. */
function readFlowList(inner: string): string[] | undefined {
  if (inner.trim() === '') return [];
  const items = inner.split(',').map((item) => item.trim());
  for (const item of items)
    if (!isPlainText(item) || item.includes('[') || item.includes(']')) return undefined;
  return items;
}

export function readSimpleYaml(lines: readonly string[]): Record<string, unknown> | undefined {
  const data: Record<string, unknown> = {};
  for (const line of lines) {
    const match = KEY_LINE.exec(line);
    if (!match) return undefined;
    const key = match[1]!;
    if (Object.hasOwn(data, key)) return undefined;
    const value = readValue(match[2] ?? '');
    if (value === undefined) return undefined;
    data[key] = value;
  }
  return data;
}
