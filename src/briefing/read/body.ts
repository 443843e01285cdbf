/**
 * The body of a brief as newsrooms lay it out: a lede, then sections opened by headings on their own
 * line (`## What happened`, `WHY IT MATTERS`, `What's next?`), by labels opening a paragraph
 * (`Why it matters: ...`, `**The big picture:**`), or by lead-in phrases (`Why now. ...`); bullets and
 * paragraphs under them. Names from the section table always open a section; other labels and
 * headings do only in a brief that has such structure, so a raw article's subheadings never do.
 */
import { unescapeMarkdown } from '../markdown-escape.js';
import type { DroppedLine } from '../model.js';
import { type HeadingTargets, type SectionTarget, targetsForHeading } from '../section-names.js';
import { isUpperCaseLine, joinWrapped, sentenceCase } from '../text.js';
import type { TextDate } from './date-line.js';
import type { PageLine } from './lines.js';
import type { MetaLine } from './meta-lines.js';
import { endsSentence } from './shapes.js';
import { paragraphStarts, type Token, tokenize, usesBlankLines } from './tokens.js';

/** `markdown`: `#` headings and backslash escapes. `brief`: upper-case lines are headings too. */
export type HeadingStyle = 'markdown' | 'brief';

export interface BodyBlock {
  /** Where the block's items go; null for a heading the section table does not know. */
  target: SectionTarget | null;
  heading: string;
  /** 1-based line of the heading or label. */
  line: number;
  items: string[];
}

export interface BodyWarning {
  line: number;
  message: string;
}

export interface ParsedBody {
  /** A level-1 heading opening the body that names no section: the document's title. */
  title?: { text: string; line: number };
  /** The lede: paragraphs before the first heading or label. */
  intro: string[];
  introLine?: number;
  blocks: BodyBlock[];
  /** From a line such as "This briefing is based on information from Reuters." */
  source?: { name: string; line: number };
  /** `Date: 2025-12-15`, `Tags: a, b` ... lines standing on their own. */
  meta: MetaLine[];
  /** Date lines (`29 July 2019`) in the body. */
  dates: TextDate[];
  /** From a byline (`By Anna Keller`). */
  author?: string;
  /** True when a heading or label from the section table names one of the three sections. */
  structured: boolean;
  warnings: BodyWarning[];
}

export interface BodyOptions {
  style: HeadingStyle;
  /** A leading `# Title` is the title (markdown without one in front matter). */
  titleFromHeading?: boolean;
}

const THREE_SECTIONS: ReadonlySet<SectionTarget | undefined> = new Set([
  'whatHappened',
  'whyItMatters',
  'implications',
]);

/** Drops emphasis around a heading and a trailing colon; scans by hand so a huge line stays linear. */
function cleanHeading(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && (text[start] === '*' || text[start] === '_')) start++;
  // An escaped mark (`Notes\:` in canonical markdown) is text, not decoration.
  while (end > start && '*_: \t'.includes(text[end - 1]!) && text[end - 2] !== '\\') end--;
  return sentenceCase(text.slice(start, end).trim());
}

const SECTION_NAMES: Record<SectionTarget, string> = {
  whatHappened: 'What happened',
  whyItMatters: 'Why it matters',
  implications: 'Implications',
  summary: 'Summary',
};

type TextToken = Extract<Token, { kind: 'text' }>;

export function readBody(
  lines: readonly PageLine[],
  options: BodyOptions,
  dropped: DroppedLine[],
): ParsedBody {
  return new BodyReader(lines, options, dropped).read();
}

/** One pass over the tokens, filling blocks; a class so that reading 10,000 files makes no closures. */
class BodyReader {
  private readonly body: ParsedBody = {
    intro: [],
    blocks: [],
    meta: [],
    dates: [],
    structured: false,
    warnings: [],
  };
  private readonly tokens: Token[];
  private readonly starts: boolean[];
  /** One lead-in phrase could be a short sentence; a brief that uses them uses several. */
  private readonly leadIns: boolean;
  private readonly blankParagraphs: boolean;
  /** Markdown files may escape punctuation with a backslash (the canonical form the importer writes). */
  private readonly markdown: boolean;
  /** The section being read. */
  private block: BodyBlock | null = null;
  /** Where the paragraph being gathered goes: the section, or (null) the lede. */
  private into: BodyBlock | null = null;
  private parts: string[] = [];
  private partsLine = 0;

  constructor(
    private readonly lines: readonly PageLine[],
    private readonly options: BodyOptions,
    dropped: DroppedLine[],
  ) {
    this.tokens = tokenize(lines, this.body, dropped);
    this.starts = paragraphStarts(this.tokens);
    let leadIns = 0;
    for (let at = 0; at < this.tokens.length; at++) {
      const token = this.tokens[at]!;
      if (token.kind === 'text' && token.label?.style === 'lead-in' && this.starts[at]) leadIns++;
    }
    this.leadIns = leadIns >= 2;
    this.body.structured = this.tokens.some((token, at) => this.namesASection(token, at));
    this.blankParagraphs = usesBlankLines(this.tokens);
    this.markdown = options.style === 'markdown';
  }

  private namesASection(token: Token, at: number): boolean {
    if (token.kind === 'md-heading') return THREE_SECTIONS.has(targetsForHeading(token.text)?.target);
    if (token.kind === 'bullet') return THREE_SECTIONS.has(token.label?.targets?.target);
    if (token.kind !== 'text') return false;
    if (THREE_SECTIONS.has(token.heading?.targets?.target)) return true;
    const label = token.label;
    const counted = label?.style === 'colon' || (this.leadIns && this.starts[at] === true);
    return counted && THREE_SECTIONS.has(label?.targets?.target);
  }

  read(): ParsedBody {
    const { tokens, body } = this;
    for (let at = 0; at < tokens.length; at++) {
      const token = tokens[at]!;
      const line = this.lines[at]!.index + 1;
      switch (token.kind) {
        case 'blank':
        case 'skip':
          this.flush();
          break;
        case 'meta':
          this.flush();
          body.meta.push(token.meta);
          break;
        case 'source':
          this.flush();
          body.source ??= { name: token.name, line };
          break;
        case 'md-heading':
          this.markdownHeading(token.text, token.level, line);
          break;
        case 'bullet':
          this.bullet(token, line);
          break;
        case 'text':
          this.text(token, at, line);
          break;
      }
    }
    this.flush();
    return body;
  }

  private markdownHeading(text: string, level: number, line: number): void {
    const known = targetsForHeading(text);
    const body = this.body;
    const isTitle =
      this.options.titleFromHeading &&
      level === 1 &&
      !known &&
      !body.title &&
      body.blocks.length === 0 &&
      body.intro.length === 0 &&
      this.parts.length === 0;
    if (isTitle) body.title = { text, line };
    else this.openNamed(text, known, line);
  }

  private bullet(token: Extract<Token, { kind: 'bullet' }>, line: number): void {
    const label = token.label;
    if (label?.targets && label.rest) {
      // `- Why it matters: ...` in a key-points list: the item goes where its label says.
      const current = this.block;
      this.start(label.rest, line, this.sectionFor(label.targets.target, line));
      this.block = current;
    } else this.start(token.text, line, this.block);
  }

  private text(token: TextToken, at: number, line: number): void {
    const opened = this.openSection(token, at, line);
    if (opened !== undefined) {
      if (opened) this.start(opened, line, this.block);
      return;
    }
    const last = this.parts[this.parts.length - 1];
    if (last === undefined) this.start(token.text, line, this.block);
    else if (!this.blankParagraphs && endsSentence(last)) this.start(token.text, line, this.into);
    else this.parts.push(token.text);
  }

  /** Opens a section when the line is a heading or label: the text after a label, '' for none; undefined for text. */
  private openSection(token: TextToken, at: number, line: number): string | undefined {
    const { label, heading } = token;
    if (heading?.targets && !label?.rest) {
      this.openNamed(heading.heading, heading.targets, line);
      return '';
    }
    if (label?.targets && (label.style === 'colon' || (this.leadIns && this.starts[at]))) {
      this.openNamed(label.label, label.targets, line);
      return label.rest;
    }
    if (!this.starts[at]) return undefined;
    if (this.body.structured) {
      if (label && (label.style === 'colon' || this.leadIns)) {
        this.openNamed(label.label, undefined, line);
        return label.rest;
      }
      if (heading && (heading.looksLikeHeading || this.standsAlone(at)) && this.followedByText(at)) {
        this.openNamed(heading.heading, undefined, line);
        return '';
      }
    }
    if (
      this.options.style === 'brief' &&
      heading &&
      isUpperCaseLine(heading.heading) &&
      this.followedByText(at)
    ) {
      this.openNamed(heading.heading, undefined, line);
      return '';
    }
    return undefined;
  }

  private standsAlone(at: number): boolean {
    return this.tokens[at - 1]?.kind !== 'text' && this.tokens[at + 1]?.kind !== 'text';
  }

  /** A heading has something under it: the next filled line is text or a bullet, not another heading. */
  private followedByText(at: number): boolean {
    for (let next = at + 1; next < this.tokens.length; next++) {
      const token = this.tokens[next]!;
      if (token.kind === 'blank' || token.kind === 'skip') continue;
      if (token.kind === 'bullet') return true;
      if (token.kind !== 'text') return false;
      return !(token.heading?.targets || (token.heading?.looksLikeHeading && !endsSentence(token.text)));
    }
    return false;
  }

  private flush(): void {
    if (this.parts.length === 0) return;
    const joined = joinWrapped(this.parts);
    this.parts = [];
    const text = this.markdown ? unescapeMarkdown(joined) : joined;
    if (!text) return;
    if (this.into) this.into.items.push(text);
    else {
      if (this.body.intro.length === 0) this.body.introLine = this.partsLine;
      this.body.intro.push(text);
    }
  }

  /** Begins a paragraph (or bullet) going into `target`. */
  private start(text: string, line: number, target: BodyBlock | null): void {
    this.flush();
    this.into = target;
    this.partsLine = line;
    if (text) this.parts.push(text);
  }

  private open(target: SectionTarget | null, heading: string, line: number): BodyBlock {
    this.flush();
    const opened: BodyBlock = { target, heading, line, items: [] };
    this.body.blocks.push(opened);
    this.block = opened;
    this.into = opened;
    return opened;
  }

  private openNamed(heading: string, targets: HeadingTargets | undefined, line: number): BodyBlock {
    if (targets?.also) {
      const went = SECTION_NAMES[targets.target];
      const also = SECTION_NAMES[targets.also];
      const message = `the heading "${heading}" names two sections: its text went to ${went}, not ${also}`;
      this.body.warnings.push({ line, message });
    }
    const named = targets ? heading : cleanHeading(heading);
    return this.open(targets?.target ?? null, this.markdown ? unescapeMarkdown(named) : named, line);
  }

  private sectionFor(target: SectionTarget, line: number): BodyBlock {
    return (
      this.body.blocks.find((candidate) => candidate.target === target) ??
      this.open(target, SECTION_NAMES[target], line)
    );
  }
}
