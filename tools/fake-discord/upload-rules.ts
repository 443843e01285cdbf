/**
 * Discord's rules for files sent with a message (multipart `files[n]` parts and the `attachments` array of the JSON
 * that names them), checked on the request, and the plan of which files the message ends up with.
 *
 * - At most 10 files a message (the spec's multipart bodies describe files[0] to files[9]).
 * - Each `files[n]` is named by an `attachments[].id` of n, and each such id names an uploaded part (or, on an edit,
 *   an attachment the message already has).
 * - Alt text (`description`) at most 1,024 characters; a filename is not empty.
 * - A filename keeps only letters, digits, `_`, `-` and `.`: Discord rewrites other characters (a space becomes
 *   `_`), so `attachment://` references to the name as sent stop matching.
 * - In a Components V2 message every `attachment://name` a thumbnail, media gallery or file component shows must be
 *   one of the message's files, and a file no component shows is not shown at all.
 * The size limit is the transport's business (a 413 before any route runs, see http-server.ts).
 */
import { isComponentsV2Body } from './components-v2.js';
import type { UploadedPart } from './multipart.js';

export const UPLOAD_LIMITS = {
  files: 10,
  description: 1024,
  /** Discord's upload limit without server boosts, 10 MiB; the fake holds a request's files together to it. */
  totalBytes: 10 * 1024 * 1024,
} as const;

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const length = (value: unknown): number => (typeof value === 'string' ? [...value].length : 0);

const FILE_FIELD = /^files\[(\d+)\]$/;
const UNSAFE_FILENAME_CHARACTERS = /[^A-Za-z0-9._-]/g;
const ATTACHMENT_SCHEME = 'attachment://';

/** The name Discord stores for a filename: characters other than letters, digits, `_`, `-` and `.` become `_`. */
export function storedFilename(filename: string): string {
  return filename.replace(UNSAFE_FILENAME_CHARACTERS, '_');
}

/** An attachment the message already has, as far as the rules care. */
export interface KnownAttachment {
  id: string;
  filename: string;
}

/** A file the request adds to the message. */
export interface PlannedFile {
  part: UploadedPart;
  /** The n of files[n]; undefined when the part is named otherwise. */
  index: string | undefined;
  /** As sent (the attachments entry's filename, else the part's). */
  filename: string;
  description: string | undefined;
}

export interface UploadPlan {
  /** Attachments of the edited message that stay: those the body's attachments name, or all when it names none. */
  kept: KnownAttachment[];
  added: PlannedFile[];
}

export interface UploadCheck {
  /** Problems Discord refuses the request for (400 50035). */
  refused: string[];
  /** Problems Discord lets through, but the bot's authors should hear of. */
  recorded: string[];
}

function entriesOf(body: unknown): Json[] {
  return isObject(body) ? asArray(body.attachments).filter(isObject) : [];
}

/** Which files the message ends up with after this request: kept old ones, then the uploads in order. */
export function planUploads(
  body: unknown,
  uploads: readonly UploadedPart[],
  existing: readonly KnownAttachment[] = [],
): UploadPlan {
  const entries = entriesOf(body);
  const named = isObject(body) && Array.isArray(body.attachments);
  const ids = new Set(entries.map((entry) => String(entry.id)));
  const kept = named ? existing.filter((attachment) => ids.has(attachment.id)) : [...existing];
  const added = uploads.map((part) => {
    const index = FILE_FIELD.exec(part.field)?.[1];
    const entry = index === undefined ? undefined : entries.find((e) => String(e.id) === index);
    const filename = typeof entry?.filename === 'string' ? entry.filename : part.filename;
    const description = typeof entry?.description === 'string' ? entry.description : undefined;
    return { part, index, filename, description };
  });
  return { kept, added };
}

/** The `attachment://` names a V2 message's thumbnails, media galleries and file components show. */
function referencedNames(components: unknown): string[] {
  const names: string[] = [];
  const note = (media: unknown) => {
    const url = isObject(media) ? media.url : undefined;
    if (typeof url === 'string' && url.startsWith(ATTACHMENT_SCHEME))
      names.push(url.slice(ATTACHMENT_SCHEME.length));
  };
  const visit = (list: unknown) => {
    for (const component of asArray(list).filter(isObject)) {
      if (component.type === 11) note(component.media);
      if (component.type === 12)
        for (const item of asArray(component.items).filter(isObject)) note(item.media);
      if (component.type === 13) note(component.file);
      visit(component.components);
      if (isObject(component.accessory)) visit([component.accessory]);
    }
  };
  visit(components);
  return names;
}

function checkParts(plan: UploadPlan, body: unknown, check: UploadCheck): void {
  const { added } = plan;
  if (added.length > UPLOAD_LIMITS.files)
    check.refused.push(`${added.length} files uploaded (limit ${UPLOAD_LIMITS.files})`);
  const entryIds = new Set(entriesOf(body).map((entry) => String(entry.id)));
  for (const file of added) {
    const label = `${file.part.field} (${file.part.filename || 'no filename'})`;
    if (file.index === undefined) {
      check.recorded.push(`upload part ${label} is not named files[n]`);
    } else if (!entryIds.has(file.index)) {
      check.recorded.push(`${label} has no attachments[] entry with id ${file.index}`);
    }
    if (file.filename.length === 0) check.refused.push(`${label} has an empty filename`);
    const stored = storedFilename(file.filename);
    if (stored !== file.filename)
      check.recorded.push(
        `filename "${file.filename}" has characters Discord replaces: it is stored as "${stored}" (use letters, digits, _ - .)`,
      );
    if (length(file.description) > UPLOAD_LIMITS.description)
      check.refused.push(
        `${label} description is ${length(file.description)} characters (limit ${UPLOAD_LIMITS.description})`,
      );
  }
}

function checkEntries(
  plan: UploadPlan,
  body: unknown,
  existing: readonly KnownAttachment[],
  check: UploadCheck,
) {
  const uploaded = new Set(plan.added.flatMap((file) => (file.index === undefined ? [] : [file.index])));
  const known = new Set(existing.map((attachment) => attachment.id));
  entriesOf(body).forEach((entry, position) => {
    const id = String(entry.id);
    if (!uploaded.has(id) && !known.has(id))
      check.refused.push(
        `attachments[${position}] id ${id} names no uploaded files[${id}]${existing.length > 0 ? ' and no attachment of the message' : ''}`,
      );
  });
}

function checkComponentsV2Files(plan: UploadPlan, body: unknown, check: UploadCheck): void {
  if (!isComponentsV2Body(body) || !isObject(body) || !Array.isArray(body.components)) return;
  const files = [
    ...plan.kept.map((attachment) => attachment.filename),
    ...plan.added.map((file) => storedFilename(file.filename)),
  ];
  const shown = new Set(referencedNames(body.components));
  for (const name of shown) {
    if (!files.includes(name))
      check.refused.push(`a component shows attachment://${name}, which is not one of the message's files`);
  }
  for (const name of files) {
    if (!shown.has(name))
      check.recorded.push(
        `attachment not shown: ${name} is in no thumbnail, media gallery or file component, and a Components V2 message shows no other files`,
      );
  }
}

/** Every upload rule the request breaks, split by whether Discord refuses it. */
export function checkUploads(
  body: unknown,
  uploads: readonly UploadedPart[],
  existing: readonly KnownAttachment[] = [],
): UploadCheck {
  const plan = planUploads(body, uploads, existing);
  const check: UploadCheck = { refused: [], recorded: [] };
  checkParts(plan, body, check);
  checkEntries(plan, body, existing, check);
  checkComponentsV2Files(plan, body, check);
  return check;
}
