/**
 * Reads briefings back from the index: by row, by id, by date, a page at a time. Briefings are stored as JSON and
 * parsed when asked for; the few read most recently are kept, so a page clicked twice is not parsed twice.
 */
import { join } from 'node:path';
import type { Briefing, Problem } from '../../briefing/model.js';
import type { IndexDatabase } from './schema.js';

interface StoredRow {
  row: number;
  briefing: string;
}

/** What a list of choices shows of a briefing, read without parsing it. */
export type BriefingName = Pick<Briefing, 'id' | 'title' | 'date'>;

/** Briefings kept parsed: a few pages' worth. */
const KEPT = 512;

const SERVED = 'SELECT b.row, f.briefing FROM briefings b JOIN files f ON f.path = b.path';

export class IndexReader {
  private readonly kept = new Map<number, Briefing>();
  private readonly statements;
  private ownWrites = 0;
  private seen = '';

  /** `dir`: the folder the stored paths are relative to; null keeps them as stored (an index made in memory). */
  constructor(
    readonly db: IndexDatabase,
    private readonly dir: string | null,
  ) {
    this.statements = {
      dataVersion: db.prepare<[], number>('PRAGMA data_version').pluck(),
      byRow: db.prepare<[number], StoredRow>(`${SERVED} WHERE b.row = ?`),
      byId: db.prepare<[string, string], StoredRow>(`${SERVED} WHERE b.id_key = ? AND b.id = ?`),
      byShortKey: db.prepare<[string], StoredRow>(`${SERVED} WHERE b.short_key = ?`),
      page: db.prepare<[number, number], StoredRow>(`${SERVED} ORDER BY b.row LIMIT ? OFFSET ?`),
      onDate: db.prepare<[string], StoredRow>(`${SERVED} WHERE b.date = ? ORDER BY b.row`),
      since: db.prepare<[string], StoredRow>(`${SERVED} WHERE b.date >= ? ORDER BY b.row`),
      nameAt: db.prepare<[number], BriefingName>('SELECT id, title, date FROM briefings WHERE row = ?'),
      newestNames: db.prepare<[number], BriefingName>(
        'SELECT id, title, date FROM briefings ORDER BY row LIMIT ?',
      ),
      count: db.prepare<[], number>('SELECT count(*) FROM briefings').pluck(),
      dateSpan: db.prepare<[], { from: string | null; through: string | null }>(
        'SELECT min(date) AS "from", max(date) AS through FROM briefings',
      ),
      problems: db.prepare<[], { problems: string }>(
        "SELECT problems FROM files INDEXED BY files_with_problems WHERE problems <> '[]' ORDER BY path",
      ),
      duplicates: db.prepare<[], { path: string; id: string; owner: string }>(
        // Ids held by two files are found in the small index of ids, not by reading every stored briefing.
        `WITH shared AS (SELECT id_key FROM files INDEXED BY files_by_id WHERE id_key IS NOT NULL
                         GROUP BY id_key HAVING count(*) > 1)
         SELECT f.path, json_extract(f.briefing, '$.id') AS id, b.path AS owner
         FROM shared JOIN files f ON f.id_key = shared.id_key JOIN briefings b ON b.id_key = f.id_key
         WHERE f.briefing IS NOT NULL AND f.path <> b.path ORDER BY f.path`,
      ),
    };
  }

  /**
   * Changes whenever the index does, written here or by another process: what is derived from the index is kept
   * only as long as this stays the same.
   */
  generation(): string {
    const now = `${this.ownWrites}:${this.statements.dataVersion.get()}`;
    if (now !== this.seen) {
      this.seen = now;
      this.kept.clear();
    }
    return now;
  }

  /** Call after writing through this connection (another process's writes are seen without it). */
  wrote(): void {
    this.ownWrites++;
  }

  count(): number {
    return this.statements.count.get()!;
  }

  atRow(row: number): Briefing | undefined {
    this.generation();
    const known = this.kept.get(row);
    if (known) return known;
    const stored = this.statements.byRow.get(row);
    return stored && this.parsed(stored);
  }

  /** The first and last dates of the briefings served (from the index of dates). */
  dateSpan(): { from?: string; through?: string } {
    const { from, through } = this.statements.dateSpan.get()!;
    return { ...(from ? { from } : {}), ...(through ? { through } : {}) };
  }

  nameAt(row: number): BriefingName | undefined {
    return this.statements.nameAt.get(row);
  }

  newestNames(limit: number): BriefingName[] {
    return this.statements.newestNames.all(limit);
  }

  /** The briefing with exactly this id. */
  byId(id: string): Briefing | undefined {
    const stored = this.statements.byId.get(id.toLowerCase(), id);
    return stored && this.parsed(stored);
  }

  byShortKey(key: string): Briefing | undefined {
    const stored = this.statements.byShortKey.get(key);
    return stored && this.parsed(stored);
  }

  /** Newest first, `limit` from `offset`. */
  page(limit: number, offset: number): Briefing[] {
    return this.statements.page.all(limit, offset).map((stored) => this.parsed(stored));
  }

  onDate(date: string): Briefing[] {
    return this.statements.onDate.all(date).map((stored) => this.parsed(stored));
  }

  since(date: string): Briefing[] {
    return this.statements.since.all(date).map((stored) => this.parsed(stored));
  }

  /** Every file's problems, by path, then each file whose id another file (first by path) already serves. */
  problems(): Problem[] {
    const problems: Problem[] = [];
    for (const { problems: json } of this.statements.problems.iterate())
      for (const problem of JSON.parse(json) as Problem[])
        problems.push({ ...problem, file: this.path(problem.file) });
    for (const { path, id, owner } of this.statements.duplicates.iterate()) {
      problems.push({
        file: this.path(path),
        message: `duplicate id "${id}": ${this.path(owner)} has it too; rename one file or give it another \`id\``,
      });
    }
    return problems;
  }

  /** The briefing of a row already fetched. */
  parsed(stored: StoredRow): Briefing {
    this.generation();
    const known = this.kept.get(stored.row);
    if (known) return known;
    const briefing = JSON.parse(stored.briefing) as Briefing;
    briefing.file = this.path(briefing.file);
    this.kept.set(stored.row, briefing);
    if (this.kept.size > KEPT) this.kept.delete(this.kept.keys().next().value as number);
    return briefing;
  }

  private path(stored: string): string {
    return this.dir === null ? stored : join(this.dir, stored);
  }
}
