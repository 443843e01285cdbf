/**
 * The only code that writes to the briefing folder on an editor's behalf: a new briefing file, a briefing moved
 * to `.trash/` (nothing is deleted outright) and moved back. Every path is checked to lie inside the folder,
 * nothing is ever written over (link-then-unlink moves refuse an existing target, new files are opened `wx`),
 * and every change is logged with the editor who made it.
 */
import { link, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { makeDirectory } from '../files/make-directory.js';
import type { Logger } from '../log.js';

export const TRASH = '.trash';

export interface Editor {
  id: string;
  name: string;
}

export type WriteFailure = 'exists' | 'gone' | 'outside' | 'failed';

export type WriteResult = { ok: true; file: string } | { ok: false; failure: WriteFailure; file: string };

/** How many numbered names a trashed file may try (`talks.2.md` ...) before giving up. */
const TRASH_NAMES = 100;

const codeOf = (error: unknown) => (error as NodeJS.ErrnoException | null)?.code;

export class Publisher {
  readonly dir: string;

  constructor(
    dir: string,
    private readonly log: Logger,
  ) {
    this.dir = resolve(dir);
  }

  /**
   * The folder-relative form of a briefing's path as the library gives it (absolute, or from the working
   * directory), when it lies inside the folder and outside its hidden folders such as `.trash`.
   */
  within(file: string): string | undefined {
    return this.relativePath(resolve(file));
  }

  private relativePath(absolute: string): string | undefined {
    const path = relative(this.dir, absolute);
    if (!path || isAbsolute(path) || path.split(sep).some((part) => part === '..' || part.startsWith('.')))
      return undefined;
    return path;
  }

  /** Writes a new briefing file named `fileName` (a bare name made from the title); never over another. */
  async save(fileName: string, markdown: string, editor: Editor): Promise<WriteResult> {
    const path = this.relativePath(resolve(this.dir, fileName));
    if (!path || path !== basename(path)) return { ok: false, failure: 'outside', file: fileName };
    try {
      makeDirectory(this.dir);
      await writeFile(join(this.dir, path), markdown, { flag: 'wx' });
    } catch (error) {
      return this.failed(error, path, 'could not save a briefing');
    }
    this.log.info({ editor: editor.id, editorName: editor.name, file: path }, 'briefing published');
    return { ok: true, file: path };
  }

  /**
   * Moves a briefing file (its path as the library gives it) to `.trash/`, keeping its place in the folder
   * (`news/a.md` -> `.trash/news/a.md`). The result's `file` is the folder-relative path in the trash.
   */
  async trash(file: string, editor: Editor): Promise<WriteResult> {
    const path = this.within(file);
    if (!path) return { ok: false, failure: 'outside', file };
    const stem = basename(path, extname(path));
    for (let attempt = 1; attempt <= TRASH_NAMES; attempt++) {
      const name = attempt === 1 ? basename(path) : `${stem}.${attempt}${extname(path)}`;
      const target = join(TRASH, dirname(path), name);
      const moved = await this.move(path, target);
      if (moved === 'exists') continue;
      if (moved !== 'ok') return { ok: false, failure: moved, file: path };
      this.log.info(
        { editor: editor.id, editorName: editor.name, file: path, to: target },
        'briefing unpublished',
      );
      return { ok: true, file: target };
    }
    return { ok: false, failure: 'exists', file: path };
  }

  /**
   * Moves a trashed file back to where it was, unless another file has taken that place since. Both paths are
   * folder-relative, as `trash` gave them.
   */
  async restore(trashed: string, original: string, editor: Editor): Promise<WriteResult> {
    const path = this.relativePath(resolve(this.dir, original));
    const from = relative(this.dir, resolve(this.dir, trashed));
    if (!path || !from.startsWith(`${TRASH}${sep}`) || from.split(sep).includes('..'))
      return { ok: false, failure: 'outside', file: original };
    const moved = await this.move(from, path);
    if (moved !== 'ok') return { ok: false, failure: moved, file: path };
    this.log.info({ editor: editor.id, editorName: editor.name, file: path, from }, 'briefing restored');
    return { ok: true, file: path };
  }

  /** Moves within the folder without replacing anything: a hard link to the new name, then the old one goes. */
  private async move(from: string, to: string): Promise<'ok' | WriteFailure> {
    try {
      makeDirectory(dirname(join(this.dir, to)));
      await link(join(this.dir, from), join(this.dir, to));
    } catch (error) {
      const code = codeOf(error);
      if (code === 'EEXIST') return 'exists';
      if (code === 'ENOENT') return 'gone';
      this.log.error({ err: error, file: from, to }, 'could not move a briefing file');
      return 'failed';
    }
    await unlink(join(this.dir, from));
    return 'ok';
  }

  private failed(error: unknown, file: string, what: string): WriteResult {
    if (codeOf(error) === 'EEXIST') return { ok: false, failure: 'exists', file };
    this.log.error({ err: error, file }, what);
    return { ok: false, failure: 'failed', file };
  }
}
