/** Markdown briefings: YAML front matter, then `##` sections of bullets or paragraphs. */
import {
  applyBody,
  applyHeader,
  applyMetadata,
  type Draft,
  emptyDraft,
  lineCount,
  type Written,
} from './draft.js';
import { readFrontMatter } from './front-matter.js';
import { readBody } from './read/body.js';
import { readHeader } from './read/header.js';
import { readPageLines } from './read/lines.js';
import { asText, type FrontMatterFields, frontMatterShape, issueField } from './shapes.js';

export function readMarkdown(file: string, lines: readonly string[]): Draft {
  const draft = emptyDraft('markdown');
  const frontMatter = readFrontMatter(file, lines);
  draft.problems.push(...frontMatter.problems);
  // With its front matter unread, "no title" or "no date" would be noise: the fields are likely there.
  if (!frontMatter.data) draft.unreadable = true;
  else {
    const checked = frontMatterShape.safeParse(frontMatter.data);
    if (checked.success) applyFrontMatter(draft, checked.data, frontMatter.lineOf);
    else {
      draft.unreadable = true;
      for (const issue of checked.error.issues) {
        const field = issueField(issue).split('.')[0] ?? '';
        draft.problems.push({ file, line: frontMatter.lineOf(field) ?? 1, message: issue.message });
      }
    }
  }
  let page = readPageLines(lines, frontMatter.bodyStart, lines.length);
  // Without a title in front matter or a `# Title` line, the page's own headline is the title.
  const first = page.find((line) => line.text);
  if (!draft.title && first && !first.text.startsWith('#')) {
    const header = readHeader(page, draft.dropped);
    applyHeader(draft, header);
    page = page.slice(header.bodyAt);
  }
  const body = readBody(page, { style: 'markdown', titleFromHeading: true }, draft.dropped);
  if (body.title) draft.title ??= { value: body.title.text, line: body.title.line };
  applyBody(draft, body);
  draft.lastLine = lineCount(lines);
  return draft;
}

function applyFrontMatter(
  draft: Draft,
  fields: FrontMatterFields,
  lineOf: (key: string) => number | undefined,
): void {
  const located = (key: keyof FrontMatterFields, value: string | number | null | undefined) => {
    const text = asText(value);
    return text === undefined ? undefined : { value: text, line: lineOf(key) };
  };
  draft.id = located('id', fields.id);
  draft.title = located('title', fields.title);
  draft.date = located('date', fields.date);
  draft.summary = located('summary', fields.summary);
  applyMetadata(draft, (key) => fields[key as keyof FrontMatterFields] as Written);
  const source = fields.source;
  const nested = typeof source === 'object' && source !== null ? source : undefined;
  const url = asText(nested ? nested.url : undefined) ?? asText(fields.source_url);
  const name = nested ? asText(nested.name) : asText(source as string | number | null | undefined);
  if (name) {
    draft.source = { value: url ? { name, url: url.trim() } : { name }, line: lineOf('source') };
  } else if (url) {
    draft.source = { value: { name: hostName(url), url: url.trim() }, line: lineOf('source_url') };
  }
}

/** A source given only as a link is named by its site. */
function hostName(url: string): string {
  try {
    return new URL(url.trim()).hostname.replace(/^www\./, '') || url;
  } catch {
    return url;
  }
}
