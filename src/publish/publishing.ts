/**
 * Everything the /editor command needs to write briefings from Discord: the folder's writer, who counts as an
 * editor, how an attachment is downloaded, and what each editor is in the middle of.
 */
import type { TextFileRead } from '../files/read-text-file.js';
import { PendingStore } from './pending.js';
import type { BriefSource, PreparedBrief } from './prepare.js';
import type { Publisher } from './publisher.js';

/** A brief being previewed: what the editor gave, and what the bot made of it. */
export interface DraftTask {
  kind: 'draft';
  source: BriefSource;
  prepared: PreparedBrief;
}

/** A briefing the editor asked to move to the trash, waiting for their confirmation. */
export interface TrashTask {
  kind: 'trash';
  id: string;
  title: string;
  file: string;
}

/** A briefing just moved to the trash, which Undo moves back. */
export interface RestoreTask {
  kind: 'restore';
  id: string;
  title: string;
  /** Folder-relative paths. */
  trashed: string;
  original: string;
}

export type EditorTask = DraftTask | TrashTask | RestoreTask;

export interface AttachmentToRead {
  url: string;
}

export class Publishing {
  readonly tasks: PendingStore<EditorTask>;

  constructor(
    readonly publisher: Publisher,
    /** Roles whose members may publish, besides members with Manage Server. */
    readonly editorRoleIds: readonly string[],
    /** Downloads an attached brief (size and time limited). */
    readonly readAttachment: (attachment: AttachmentToRead) => Promise<TextFileRead>,
    /** Called with the folder-relative files just written or moved: the library reads them at once. */
    readonly written: (files: readonly string[]) => Promise<void> = async () => undefined,
    now: () => number = Date.now,
  ) {
    this.tasks = new PendingStore(now);
  }
}
