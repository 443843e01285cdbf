/**
 * The steps of publishing from Discord, in words: the preview of a brief (the briefing as readers will see it,
 * what the reader warned about, the lines it dropped), the questions before a file is replaced or trashed, and
 * what was done. Every answer is for the editor alone; buttons carry the step's token (see publish/pending.ts).
 */
import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIComponentInMessageActionRow,
  ButtonStyle,
} from 'discord-api-types/v10';
import type { Briefing, DroppedLine, Problem } from '../briefing/model.js';
import { isWarning } from '../briefing/model.js';
import { actionRow, button, textDisplay, v2Message } from '../message/components.js';
import { LIMITS } from '../message/limits.js';
import type { Reply } from '../message/payload.js';
import type { PreparedBrief } from '../publish/prepare.js';
import { briefingPages, PAGE_NOTE_COST, pageNote } from './briefing.js';
import { type Budget, MESSAGE_BUDGET, minus, pageComponents } from './card.js';
import { code, formatDate, plural, showHint, titleLine } from './format.js';
import { renderNotice } from './notice.js';

export const EDITOR_PREFIX = 'editor:';

export type EditorAction = 'save' | 'replace' | 'edit' | 'cancel' | 'view' | 'trash' | 'keep' | 'undo';

/** `editor:<action>:<token>[:<page>]`. */
export function editorButtonId(action: EditorAction, token: string, page?: number): string {
  return `${EDITOR_PREFIX}${action}:${token}${page === undefined ? '' : `:${page}`}`;
}

export function parseEditorButtonId(
  customId: string,
): { action: EditorAction; token: string; page: number } | undefined {
  const match =
    /^editor:(save|replace|edit|cancel|view|trash|keep|undo):([a-z0-9]{1,16})(?::(\d{1,5}))?$/.exec(customId);
  if (!match) return undefined;
  return { action: match[1] as EditorAction, token: match[2]!, page: Number(match[3] ?? 1) };
}

/** The form's custom_id: a new brief, or the brief of a preview being edited. */
export function formId(token?: string): string {
  return `${EDITOR_PREFIX}form${token ? `:${token}` : ''}`;
}

export function tokenOfForm(customId: string): string | undefined {
  return /^editor:form:([a-z0-9]{1,16})$/.exec(customId)?.[1];
}

type Row = APIActionRowComponent<APIComponentInMessageActionRow>;

const row = (...buttons: APIButtonComponent[]): Row => actionRow(buttons);

/** A question or a refusal with its buttons: the text above them. */
function withButtons(text: string, ...rows: Row[]): Reply {
  return { ...v2Message([textDisplay(text), ...rows]), ephemeral: true };
}

const FORMAT_NAMES = { markdown: 'markdown', brief: 'a plain-text brief', json: 'JSON' } as const;

/** Room kept in the content for the lines listed after the heading lines. */
const CONTENT_ROOM = LIMITS.content - 100;

/** Lines added while they fit; the rest counted in one last line. */
function listWithin(head: string[], items: string[], rest: (count: number) => string): string {
  const lines = [...head];
  let length = lines.join('\n').length;
  let shown = 0;
  for (const item of items) {
    if (length + item.length + 1 > CONTENT_ROOM) break;
    lines.push(item);
    length += item.length + 1;
    shown++;
  }
  if (shown < items.length) lines.push(rest(items.length - shown));
  return lines.join('\n');
}

const clip = (text: string, max = 90) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function problemLine(problem: Problem): string {
  const where = problem.line ? `line ${problem.line}: ` : '';
  return `${isWarning(problem) ? '⚠️' : '❌'} ${where}${clip(problem.message, 300)}`;
}

function droppedLine(dropped: DroppedLine): string {
  return `• line ${dropped.line} (${dropped.kind}): ${code(clip(dropped.text))}`;
}

function droppedItems(dropped: readonly DroppedLine[]): string[] {
  if (!dropped.length) return [];
  return [
    `**Left out as page junk** (${plural(dropped.length, 'line')}, not saved):`,
    ...dropped.map(droppedLine),
  ];
}

/** The preview of a brief the bot can save: page `page` of the briefing, with Save, Edit and Cancel. */
export function renderPreview(
  token: string,
  prepared: Extract<PreparedBrief, { ok: true }>,
  page: number,
): Reply {
  const { briefing } = prepared;
  const head = [
    `**Preview**: this is the briefing readers will see. Read as ${FORMAT_NAMES[prepared.format]}; Save writes ${code(prepared.fileName)} (id ${code(briefing.id)}).`,
    clip(`Parties found: ${prepared.detected.length ? prepared.detected.join(', ') : 'none'}.`, 300),
  ];
  const content = listWithin(
    head,
    [...prepared.warnings.map(problemLine), ...droppedItems(prepared.dropped)],
    (count) => `…and ${plural(count, 'more line')}: check the brief with Edit.`,
  );
  const actions = row(
    button('Save', editorButtonId('save', token), ButtonStyle.Success),
    button('Edit', editorButtonId('edit', token), ButtonStyle.Secondary),
    button('Cancel', editorButtonId('cancel', token), ButtonStyle.Danger),
  );
  // The briefing gets what the preview's own text and its two rows of buttons leave of a page.
  const around: Budget = { chars: content.length, components: 1 + 4 + 3 };
  const budget = minus(MESSAGE_BUDGET, PAGE_NOTE_COST, around);
  const laidOut = briefingPages([briefing], {}, budget);
  const pages = laidOut.length;
  const current = Math.min(Math.max(1, page), pages);
  const components = [
    textDisplay(content),
    ...pageComponents(laidOut[current - 1]!, pages > 1 ? pageNote(current, pages) : undefined),
    actions,
  ];
  if (pages > 1)
    components.push(
      row(
        button('Previous', editorButtonId('view', token, current - 1), ButtonStyle.Secondary, current <= 1),
        button('Next', editorButtonId('view', token, current + 1), ButtonStyle.Secondary, current >= pages),
      ),
    );
  return { ...v2Message(components), ephemeral: true };
}

/** A brief the bot cannot save: what to fix, with Edit (the text kept) and Cancel. */
export function renderNotSaveable(
  token: string,
  problems: readonly Problem[],
  dropped: readonly DroppedLine[],
): Reply {
  const content = listWithin(
    ['**This brief cannot be saved yet.** Fix what is marked ❌ with Edit (your text is kept):'],
    [...problems.map(problemLine), ...droppedItems(dropped)],
    (count) => `…and ${plural(count, 'more line')}.`,
  );
  return withButtons(
    content,
    row(
      button('Edit', editorButtonId('edit', token), ButtonStyle.Primary),
      button('Cancel', editorButtonId('cancel', token), ButtonStyle.Danger),
    ),
  );
}

/** Before a save replaces a briefing that has the same id. */
export function renderReplaceQuestion(
  token: string,
  existing: Pick<Briefing, 'id' | 'title' | 'date'>,
): Reply {
  return withButtons(
    `A briefing with id ${code(existing.id)} is already published: **${titleLine(existing.title)}** (${formatDate(existing.date)}). Replace it? Its file goes to \`.trash\`, nothing is deleted.`,
    row(
      button('Replace', editorButtonId('replace', token), ButtonStyle.Danger),
      button('Edit', editorButtonId('edit', token), ButtonStyle.Secondary),
      button('Cancel', editorButtonId('cancel', token), ButtonStyle.Secondary),
    ),
  );
}

export function renderSaved(
  briefing: Pick<Briefing, 'id' | 'title'>,
  file: string,
  replaced?: string,
): Reply {
  const old = replaced ? ` The briefing it replaces is in ${code(replaced)}.` : '';
  return renderNotice(
    `✅ Saved **${titleLine(briefing.title)}** as ${code(file)}. Readers can open it now: ${showHint(briefing.id)}.${old}`,
  );
}

export function renderCancelled(): Reply {
  return renderNotice('Cancelled: nothing was saved.');
}

/** Before a briefing is moved to the trash. */
export function renderTrashQuestion(
  token: string,
  briefing: Pick<Briefing, 'id' | 'title' | 'date'>,
  file: string,
): Reply {
  return withButtons(
    `Unpublish **${titleLine(briefing.title)}** (${formatDate(briefing.date)}, id ${code(briefing.id)})? Its file ${code(file)} moves to \`.trash\`; readers no longer see it.`,
    row(
      button('Move to trash', editorButtonId('trash', token), ButtonStyle.Danger),
      button('Keep it', editorButtonId('keep', token), ButtonStyle.Secondary),
    ),
  );
}

export function renderTrashed(token: string, title: string, trashed: string): Reply {
  return withButtons(
    `🗑️ Unpublished **${titleLine(title)}**: its file is now ${code(trashed)}. Undo puts it back.`,
    row(button('Undo', editorButtonId('undo', token), ButtonStyle.Secondary)),
  );
}

export function renderRestored(briefing: { id: string; title: string }, file: string): Reply {
  return renderNotice(
    `↩️ Restored **${titleLine(briefing.title)}** as ${code(file)}: ${showHint(briefing.id)}.`,
  );
}

export function renderKept(): Reply {
  return renderNotice('Kept: nothing was moved.');
}
