/**
 * The steps after /editor publish and /editor unpublish: the form sent back, and the buttons of each answer
 * (Save, Replace, Edit, Cancel, the preview's pages; Move to trash, Keep it, Undo). Each step finds what the
 * editor is doing under its button's token, for that editor only.
 */
import { join } from 'node:path';
import { localDate } from '../../library/dates.js';
import type { Reply } from '../../message/payload.js';
import { type BriefSource, prepareBrief } from '../../publish/prepare.js';
import type { Editor, WriteResult } from '../../publish/publisher.js';
import type { DraftTask, EditorTask, Publishing } from '../../publish/publishing.js';
import {
  type EditorAction,
  formId,
  parseEditorButtonId,
  renderCancelled,
  renderKept,
  renderNotSaveable,
  renderPreview,
  renderReplaceQuestion,
  renderRestored,
  renderSaved,
  renderTrashed,
  tokenOfForm,
} from '../../render/publish.js';
import { FORM_FIELDS, FORM_TEXT_MAX, publishForm } from '../../render/publish-form.js';
import { type Invoker, type Services, UsageError } from '../types.js';
import { publishingOf } from './publishing.js';

const EXPIRED =
  'This step has expired (a preview lasts 15 minutes, and none survives a restart of the bot). Run /editor publish or /editor unpublish again.';

/** A preview for a brief just given (or given again through Edit, under the same token). */
export function startDraft(
  publishing: Publishing,
  userId: string,
  source: BriefSource,
  services: Services,
  token?: string,
): Reply {
  const prepared = prepareBrief(source, services.library().registry);
  const task: DraftTask = { kind: 'draft', source, prepared };
  if (token) publishing.tasks.set(token, task);
  const kept = token ?? publishing.tasks.put(userId, task);
  return prepared.ok
    ? renderPreview(kept, prepared, 1)
    : renderNotSaveable(kept, prepared.problems, prepared.dropped);
}

function taskOf(publishing: Publishing, token: string, userId: string): EditorTask {
  const found = publishing.tasks.get(token, userId);
  if (found.ok) return found.value;
  throw new UsageError(
    found.reason === 'not-yours' ? 'These buttons belong to the editor who ran the command.' : EXPIRED,
  );
}

const editorOf = (invoker: Invoker): Editor => ({ id: invoker.user.id, name: invoker.user.name });

export async function submitBriefForm(
  customId: string,
  values: Readonly<Record<string, string>>,
  sentBy: Invoker,
  services: Services,
): Promise<Reply> {
  const publishing = publishingOf(services);
  const token = tokenOfForm(customId);
  // Editing a preview: the token must still be the editor's.
  if (token) taskOf(publishing, token, sentBy.user.id);
  const text = values[FORM_FIELDS.brief] ?? '';
  if (!text.trim())
    throw new UsageError('The Brief field was empty: run /editor publish and paste the brief.');
  const source: BriefSource = {
    text,
    ...(values[FORM_FIELDS.title]?.trim() ? { title: values[FORM_FIELDS.title] } : {}),
    ...(values[FORM_FIELDS.date]?.trim() ? { date: values[FORM_FIELDS.date] } : {}),
  };
  return startDraft(publishing, sentBy.user.id, source, services, token);
}

export async function pressEditorButton(
  customId: string,
  clickedBy: Invoker,
  services: Services,
): Promise<Reply> {
  const publishing = publishingOf(services);
  const pressed = parseEditorButtonId(customId);
  if (!pressed) throw new UsageError('This button is not one of the bot’s. Run /editor publish again.');
  const task = taskOf(publishing, pressed.token, clickedBy.user.id);
  const step = { publishing, token: pressed.token, editor: editorOf(clickedBy), services };
  if (task.kind === 'draft') return draftStep(pressed.action, task, pressed.page, step);
  if (task.kind === 'trash') {
    if (pressed.action === 'keep') {
      publishing.tasks.delete(pressed.token);
      return renderKept();
    }
    if (pressed.action !== 'trash') throw new UsageError(EXPIRED);
    const moved = await publishing.publisher.trash(join(publishing.publisher.dir, task.file), step.editor);
    if (!moved.ok) throw new UsageError(writeFailure(moved, 'move it to the trash'));
    await publishing.written([task.file]);
    publishing.tasks.delete(pressed.token);
    const undo = publishing.tasks.put(clickedBy.user.id, {
      kind: 'restore',
      id: task.id,
      title: task.title,
      trashed: moved.file,
      original: task.file,
    });
    return renderTrashed(undo, task.title, moved.file);
  }
  if (pressed.action !== 'undo') throw new UsageError(EXPIRED);
  const restored = await publishing.publisher.restore(task.trashed, task.original, step.editor);
  if (!restored.ok) throw new UsageError(writeFailure(restored, 'put it back'));
  await publishing.written([restored.file]);
  publishing.tasks.delete(pressed.token);
  return renderRestored(task, restored.file);
}

interface Step {
  publishing: Publishing;
  token: string;
  editor: Editor;
  services: Services;
}

async function draftStep(action: EditorAction, task: DraftTask, page: number, step: Step): Promise<Reply> {
  const { publishing, token } = step;
  const { prepared, source } = task;
  switch (action) {
    case 'cancel':
      publishing.tasks.delete(token);
      return renderCancelled();
    case 'edit':
      if (source.text.length > FORM_TEXT_MAX)
        throw new UsageError(
          `This brief is longer than the form holds (${FORM_TEXT_MAX.toLocaleString('en-US')} characters): correct the file and attach it again with /editor publish file:…`,
        );
      return {
        modal: publishForm(formId(token), {
          brief: source.text,
          title: source.title,
          // An attached brief had no form: today stands ready for one that has no date.
          date: source.date ?? localDate(step.services.defaultTimezone, step.services.now()),
        }),
      };
    case 'view':
      if (!prepared.ok) break;
      return renderPreview(token, prepared, page);
    case 'save':
    case 'replace': {
      if (!prepared.ok) break;
      return save(prepared, action === 'replace', step);
    }
    default:
      break;
  }
  throw new UsageError(EXPIRED);
}

async function save(
  prepared: Extract<DraftTask['prepared'], { ok: true }>,
  replace: boolean,
  { publishing, token, editor, services }: Step,
): Promise<Reply> {
  const { publisher } = publishing;
  const existing = services.library().get(prepared.briefing.id);
  if (existing && !replace) return renderReplaceQuestion(token, existing);
  let replaced: string | undefined;
  const changed: string[] = [];
  if (existing && replace) {
    const moved = await publisher.trash(existing.file, editor);
    if (!moved.ok && moved.failure !== 'gone')
      throw new UsageError(writeFailure(moved, 'move the briefing it replaces to the trash'));
    if (moved.ok) replaced = moved.file;
    const place = publisher.within(existing.file);
    if (place) changed.push(place);
  }
  let saved = await publisher.save(prepared.fileName, prepared.markdown, editor);
  if (!saved.ok && saved.failure === 'exists') {
    // A file of that name that readers do not see as this id (a broken file, another id): asked about too.
    if (!replace) return renderReplaceQuestion(token, { ...prepared.briefing, title: prepared.fileName });
    const moved = await publisher.trash(join(publisher.dir, prepared.fileName), editor);
    if (moved.ok) replaced = moved.file;
    saved = await publisher.save(prepared.fileName, prepared.markdown, editor);
  }
  if (!saved.ok) throw new UsageError(writeFailure(saved, 'save it'));
  await publishing.written([...changed, saved.file]);
  publishing.tasks.delete(token);
  return renderSaved(prepared.briefing, saved.file, replaced);
}

function writeFailure(result: Extract<WriteResult, { ok: false }>, what: string): string {
  switch (result.failure) {
    case 'exists':
      return `Could not ${what}: ${result.file} is taken by another file. Ask the bot's operator to look at the briefing folder.`;
    case 'gone':
      return `Could not ${what}: ${result.file} is no longer there (someone moved it). Nothing was changed.`;
    case 'outside':
      return `Could not ${what}: ${result.file} is not inside the briefing folder, which is all the bot writes to.`;
    case 'failed':
      return `Could not ${what}: the briefing folder could not be written. It has been logged; ask the bot's operator.`;
  }
}
