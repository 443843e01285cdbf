/** JSON briefings, in the shape `briefingToJson` writes (so `briefings parse --json` output loads back). */
import { applyMetadata, type Draft, emptyDraft, type Written } from './draft.js';
import type { Problem, SectionKey } from './model.js';
import { asText, issueField, type JsonBriefingFields, jsonBriefingShape } from './shapes.js';

/** 1-based line of a character offset. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset && index < text.length; index++)
    if (text.charCodeAt(index) === 10) line++;
  return line;
}

/** Line of the first `"key":` in the text: good enough to point an editor at a field. */
function lineOfKey(text: string, field: string): number | undefined {
  const key = field.split('.').pop();
  if (!key) return undefined;
  const at = text.indexOf(`"${key}"`);
  return at === -1 ? undefined : lineAt(text, at);
}

function syntaxProblem(file: string, text: string, error: unknown): Problem {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message);
  const line = position ? lineAt(text, Number(position[1])) : undefined;
  const reason = message.replace(/ in JSON at position \d+.*$/, '').replace(/ \(line \d+ column \d+\)$/, '');
  return { file, line, message: `not valid JSON: ${reason}` };
}

export function readJson(file: string, text: string): Draft {
  const draft = emptyDraft('json');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    draft.problems.push(syntaxProblem(file, text, error));
    draft.unreadable = true;
    return draft;
  }
  const checked = jsonBriefingShape.safeParse(data);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      draft.problems.push({ file, line: lineOfKey(text, issueField(issue)), message: issue.message });
    }
    draft.unreadable = true;
    return draft;
  }
  applyJson(draft, checked.data, text);
  return draft;
}

function applyJson(draft: Draft, fields: JsonBriefingFields, text: string): void {
  const located = (key: string, value: string | number | null | undefined) => {
    const written = asText(value);
    return written === undefined ? undefined : { value: written, line: lineOfKey(text, key) };
  };
  draft.id = located('id', fields.id);
  draft.title = located('title', fields.title);
  draft.date = located('date', fields.date);
  draft.summary = located('summary', fields.summary);
  applyMetadata(draft, (key) => fields[key as keyof JsonBriefingFields] as Written);
  const sections = fields.sections;
  for (const key of ['whatHappened', 'whyItMatters', 'implications'] as SectionKey[]) {
    const items = sections?.[key];
    if (items) {
      draft.sections[key] = {
        value: items.map((item) => item.trim()).filter(Boolean),
        line: lineOfKey(text, key),
      };
    }
  }
  for (const section of sections?.other ?? []) {
    const items = section.items.map((item) => item.trim()).filter(Boolean);
    if (items.length > 0) draft.other.push({ heading: asText(section.heading).trim(), items });
  }
  const source = fields.source;
  if (typeof source === 'string' || typeof source === 'number') {
    draft.source = { value: { name: asText(source) }, line: lineOfKey(text, 'source') };
  } else if (source) {
    const name = asText(source.name);
    const url = asText(source.url);
    draft.source = { value: url ? { name, url } : { name }, line: lineOfKey(text, 'source') };
  }
}
