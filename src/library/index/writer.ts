/**
 * Writes what the folder holds into the index: files read again, files gone, and the briefing each id serves.
 * Every write is keyed by the file's path, so the bot and the editor tools writing the same change at once
 * (each in its own transaction) end with the same rows, never doubled ones.
 */
import { join, relative as relativeTo, sep } from 'node:path';
import type { Briefing, Problem } from '../../briefing/model.js';
import type { PartyRegistry } from '../../party/registry.js';
import { carriedAsItIs, hashKey } from '../../text/short-key.js';
import type { AnalysedFile } from './analyse.js';
import { docFields, nameText } from './fts.js';
import {
  decodeMentions,
  encodeMentions,
  type MentionRow,
  partyDocument,
  storedMentions,
} from './mentions.js';
import { byId, rowKey, rowsOfDate } from './row-key.js';
import type { IndexDatabase } from './schema.js';

interface FileRow {
  path: string;
  hash: string;
  briefing: string | null;
  id_key: string | null;
  date: string | null;
}

/** The file serving an id: its briefing (JSON), id and date. */
interface OwnerRow {
  path: string;
  briefing: string;
  id_key: string;
  id: string;
  date: string;
}

/** A briefing just read in this batch, with its mentions when they were worked out with the current registry. */
interface Fresh {
  briefing: Briefing;
  mentions?: { mentions: MentionRow[]; cited: string };
}

interface VisibleRow {
  row: number;
  path: string;
  id: string;
  date: string;
}

/** Page cache sizes, negative: in KiB. */
const BUILD_CACHE_KIB = -65_536;
export const EVERYDAY_CACHE_KIB = -8_000;

/** Paths in the index use `/` between folders, whatever the system's separator. */
export const toIndexPath = (relative: string) => (sep === '/' ? relative : relative.split(sep).join('/'));

export class IndexWriter {
  private readonly statements;
  /**
   * Within a transaction, the briefing (JSON) each changed or removed file was indexed with, before its row in
   * `files` was written over: taking a document out of the ranked table needs the text it went in with.
   */
  private readonly indexedBefore = new Map<string, string | null>();

  constructor(
    private readonly db: IndexDatabase,
    /** The folder stored paths are relative to; null keeps paths as given (an index made in memory). */
    private readonly dir: string | null,
    private registry: PartyRegistry,
  ) {
    this.statements = {
      file: db.prepare<[string], FileRow>(
        'SELECT path, hash, briefing, id_key, date FROM files WHERE path = ?',
      ),
      upsertFile: db.prepare(
        `INSERT INTO files (path, size, mtime, hash, problems, briefing, id_key, date) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (path) DO UPDATE SET size = excluded.size, mtime = excluded.mtime, hash = excluded.hash,
           problems = excluded.problems, briefing = excluded.briefing, id_key = excluded.id_key, date = excluded.date`,
      ),
      stamp: db.prepare('UPDATE files SET size = ?, mtime = ? WHERE path = ?'),
      deleteFile: db.prepare('DELETE FROM files WHERE path = ?'),
      owner: db.prepare<[string], OwnerRow>(
        `SELECT path, briefing, id_key, json_extract(briefing, '$.id') AS id, date FROM files
         WHERE id_key = ? AND briefing IS NOT NULL ORDER BY path LIMIT 1`,
      ),
      visibleById: db.prepare<[string], VisibleRow>(
        'SELECT row, path, id, date FROM briefings WHERE id_key = ?',
      ),
      visibleOfDate: db.prepare<[number, number], VisibleRow>(
        'SELECT row, path, id, date FROM briefings WHERE row >= ? AND row < ?',
      ),
      insertBriefing: db.prepare(
        'INSERT INTO briefings (row, path, id, id_key, short_key, date, title) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      deleteBriefing: db.prepare('DELETE FROM briefings WHERE row = ?'),
      moveBriefing: db.prepare('UPDATE briefings SET row = ? WHERE row = ?'),
      insertDoc: db.prepare('INSERT INTO docs (rowid, title, summary, body, tags) VALUES (?, ?, ?, ?, ?)'),
      // The ranked table keeps exact word statistics: a row is taken out with the very text it was indexed with.
      deleteDoc: db.prepare(
        "INSERT INTO docs (docs, rowid, title, summary, body, tags) VALUES ('delete', ?, ?, ?, ?, ?)",
      ),
      pathOfRow: db.prepare<[number], string>('SELECT path FROM briefings WHERE row = ?').pluck(),
      insertName: db.prepare('INSERT INTO names (rowid, text) VALUES (?, ?)'),
      deleteName: db.prepare('DELETE FROM names WHERE rowid = ?'),
      insertMentions: db.prepare('INSERT INTO mentions (row, parties, cited) VALUES (?, ?, ?)'),
      mentionsOfRow: db.prepare<[number], string>('SELECT parties FROM mentions WHERE row = ?').pluck(),
      deleteMentions: db.prepare('DELETE FROM mentions WHERE row = ?'),
      moveMentions: db.prepare('UPDATE mentions SET row = ? WHERE row = ?'),
      insertPartyDoc: db.prepare('INSERT INTO party_docs (rowid, parties) VALUES (?, ?)'),
      deletePartyDoc: db.prepare('DELETE FROM party_docs WHERE rowid = ?'),
      servedOf: db.prepare<[string], string>('SELECT briefing FROM files WHERE path = ?').pluck(),
      allVisible: db.prepare<[], { row: number; path: string }>(
        'SELECT row, path FROM briefings ORDER BY row',
      ),
      setMeta: db.prepare(
        'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      ),
    };
  }

  /**
   * A large pass gets a larger page cache (merging full-text segments reads them back); afterwards the cache
   * returns to its everyday size, which is what the bot keeps in memory.
   */
  buildMode(on: boolean): void {
    this.db.pragma(`cache_size = ${on ? BUILD_CACHE_KIB : EVERYDAY_CACHE_KIB}`);
  }

  /** Mentions are worked out with this registry from now on (see reindexMentions for the rows already written). */
  useRegistry(registry: PartyRegistry): void {
    this.registry = registry;
  }

  /**
   * In one transaction: the files analysed (new or changed) and the paths gone. A file that no longer loads keeps
   * its last good briefing served; a file saved again unchanged only has its stamp updated. `mentionsValid`: the
   * analysed files' mentions were worked out with this writer's registry.
   */
  apply(files: readonly AnalysedFile[], gone: readonly string[], mentionsValid = true): void {
    this.db
      .transaction(() => {
        const touchedIds = new Set<string>();
        const fresh = new Map<string, Fresh>();
        this.indexedBefore.clear();
        try {
          for (const file of files) this.applyFile(file, touchedIds, fresh, mentionsValid);
          for (const path of gone) {
            const previous = this.statements.file.get(toIndexPath(path));
            if (!previous) continue;
            this.noteIndexed(previous);
            if (previous.id_key) touchedIds.add(previous.id_key);
            this.statements.deleteFile.run(previous.path);
          }
          this.settle(touchedIds, fresh);
        } finally {
          this.indexedBefore.clear();
        }
      })
      .immediate();
  }

  private applyFile(
    file: AnalysedFile,
    touchedIds: Set<string>,
    fresh: Map<string, Fresh>,
    mentionsValid: boolean,
  ): void {
    const path = toIndexPath(file.relative);
    const previous = this.statements.file.get(path);
    const problems = JSON.stringify(file.problems.map((problem) => this.stored(problem)));
    if (previous && file.hash && previous.hash === file.hash && (file.briefing || !previous.briefing)) {
      // Saved again as it was: nothing the readers see changes.
      this.statements.upsertFile.run(
        path,
        file.size,
        file.mtimeMs,
        file.hash,
        problems,
        previous.briefing,
        previous.id_key,
        previous.date,
      );
      return;
    }
    if (previous) this.noteIndexed(previous);
    const briefing = file.briefing
      ? JSON.stringify(this.stored(file.briefing))
      : (previous?.briefing ?? null);
    const idKey = file.briefing ? file.briefing.id.toLowerCase() : (previous?.id_key ?? null);
    const date = file.briefing ? file.briefing.date : (previous?.date ?? null);
    this.statements.upsertFile.run(path, file.size, file.mtimeMs, file.hash, problems, briefing, idKey, date);
    if (file.briefing) {
      fresh.set(path, {
        briefing: file.briefing,
        ...(mentionsValid ? { mentions: { mentions: file.mentions, cited: file.cited } } : {}),
      });
      if (previous?.id_key) touchedIds.add(previous.id_key);
      touchedIds.add(idKey!);
      // The briefing this file serves changed: its row is written again even when the file keeps its id.
      const visible = this.statements.visibleById.get(idKey!);
      if (visible?.path === path) this.removeVisible(visible.row);
    }
  }

  /**
   * For each id touched, the file that serves it (the first by path) is the one in `briefings`; then every date
   * that gained or lost a briefing is put back in id order.
   */
  private settle(touchedIds: ReadonlySet<string>, fresh: ReadonlyMap<string, Fresh>): void {
    const added = new Map<string, OwnerRow[]>();
    const dates = new Set<string>();
    for (const idKey of touchedIds) {
      const owner = this.statements.owner.get(idKey);
      const visible = this.statements.visibleById.get(idKey);
      if (visible && visible.path === owner?.path) continue;
      if (visible) {
        this.removeVisible(visible.row);
        dates.add(visible.date);
      }
      if (owner) {
        const list = added.get(owner.date) ?? [];
        list.push(owner);
        added.set(owner.date, list);
        dates.add(owner.date);
      }
    }
    // Newest date first: rows then rise within the transaction, and FTS5 appends instead of starting a segment
    // for every document (a row below the last one written makes it flush).
    for (const date of [...dates].sort().reverse()) this.orderDate(date, added.get(date) ?? [], fresh);
  }

  /** Gives the date's briefings (those there and those added) their rows in id order, moving what must move. */
  private orderDate(date: string, added: readonly OwnerRow[], fresh: ReadonlyMap<string, Fresh>): void {
    const [first, end] = rowsOfDate(date);
    const present = this.statements.visibleOfDate.all(first, end);
    const entries = [
      ...present.map((row) => ({
        id: row.id,
        path: row.path,
        row: row.row as number | undefined,
        file: undefined,
      })),
      ...added.map((file) => ({ id: file.id, path: file.path, row: undefined, file })),
    ].sort((a, b) => byId(a.id, b.id) || (a.path < b.path ? -1 : 1));
    const moves: { from: number; to: number }[] = [];
    entries.forEach((entry, rank) => {
      const to = rowKey(date, rank);
      if (entry.row !== undefined && entry.row !== to) moves.push({ from: entry.row, to });
    });
    // Two steps, so no row moves onto one not yet moved away: out of the way (negative rows), then in place.
    for (const move of moves) this.moveVisible(move.from, -1 - move.from);
    for (const move of moves) this.moveVisible(-1 - move.from, move.to);
    entries.forEach((entry, rank) => {
      if (entry.file) this.insertVisible(rowKey(date, rank), entry.file, fresh.get(entry.file.path));
    });
  }

  private insertVisible(row: number, file: OwnerRow, fresh: Fresh | undefined): void {
    const briefing = fresh?.briefing ?? this.parse(file.briefing);
    const mentions = fresh?.mentions;
    const shortKey = carriedAsItIs(briefing.id) ? null : hashKey(briefing.id);
    this.statements.insertBriefing.run(
      row,
      file.path,
      briefing.id,
      file.id_key,
      shortKey,
      briefing.date,
      briefing.title,
    );
    this.statements.insertDoc.run(row, ...docFields(briefing));
    this.statements.insertName.run(row, nameText(briefing));
    this.writeMentions(row, mentions ?? storedMentions(briefing, this.registry));
  }

  private writeMentions(row: number, { mentions, cited }: { mentions: MentionRow[]; cited: string }): void {
    this.statements.insertMentions.run(row, encodeMentions(mentions), cited);
    this.statements.insertPartyDoc.run(row, partyDocument(mentions));
  }

  private noteIndexed(previous: FileRow): void {
    if (!this.indexedBefore.has(previous.path)) this.indexedBefore.set(previous.path, previous.briefing);
  }

  /** Takes the ranked document at `row` out, with the text it was indexed with (see indexedBefore). */
  private deleteDoc(row: number): void {
    const path = this.statements.pathOfRow.get(row);
    if (path === undefined) return;
    const json = this.indexedBefore.has(path)
      ? this.indexedBefore.get(path)
      : this.statements.servedOf.get(path);
    if (json) this.statements.deleteDoc.run(row, ...docFields(this.parse(json)));
  }

  private removeVisible(row: number): void {
    this.deleteDoc(row);
    this.statements.deleteBriefing.run(row);
    this.statements.deleteName.run(row);
    this.statements.deleteMentions.run(row);
    this.statements.deletePartyDoc.run(row);
  }

  /** A move goes through a negative row (see orderDate): full-text rows exist only at the rows readers see. */
  private moveVisible(from: number, to: number): void {
    // A full-text row cannot change its rowid: it is written again under the new one.
    if (from >= 0) this.deleteDoc(from);
    this.statements.moveBriefing.run(to, from);
    this.statements.moveMentions.run(to, from);
    this.statements.deleteName.run(from);
    this.statements.deletePartyDoc.run(from);
    if (to < 0) return;
    const mentions = this.statements.mentionsOfRow.get(to);
    if (mentions !== undefined)
      this.statements.insertPartyDoc.run(to, partyDocument(decodeMentions(mentions)));
    const path = this.statements.pathOfRow.get(to)!;
    const briefing = this.parse(this.statements.servedOf.get(path)!);
    this.statements.insertDoc.run(to, ...docFields(briefing));
    this.statements.insertName.run(to, nameText(briefing));
  }

  /**
   * Works out every briefing's mentions again with the current registry (parties.yml changed), in batches of
   * `batch` briefings, each its own transaction; `between` runs after each (to let the bot answer).
   */
  async reindexMentions(fingerprint: string, between: () => Promise<void>, batch = 500): Promise<void> {
    const rows = this.statements.allVisible.all();
    for (let start = 0; start < rows.length; start += batch) {
      this.db
        .transaction(() => {
          for (const { row, path } of rows.slice(start, start + batch)) {
            const json = this.statements.servedOf.get(path);
            if (json === undefined) continue;
            this.statements.deleteMentions.run(row);
            this.statements.deletePartyDoc.run(row);
            this.writeMentions(row, storedMentions(this.parse(json), this.registry));
          }
        })
        .immediate();
      await between();
    }
    this.setMeta('registry', fingerprint);
  }

  setMeta(key: string, value: string): void {
    this.statements.setMeta.run(key, value);
  }

  /** A briefing as stored: its file relative to the folder, so the index survives the folder being moved. */
  private stored<T extends Briefing | Problem>(value: T): T {
    return this.dir === null ? value : { ...value, file: toIndexPath(relativeTo(this.dir, value.file)) };
  }

  private parse(json: string): Briefing {
    const briefing = JSON.parse(json) as Briefing;
    return this.dir === null ? briefing : { ...briefing, file: join(this.dir, briefing.file) };
  }
}
