/**
 * Party reports from the index: the statements naming a party (or a member) are rows of `mentions`, newest
 * briefing first; a name in no registry is looked up in the full-text index and its candidates read. A report
 * small enough is read whole; a larger one is read as its pages are shown, with its totals from `party_totals`.
 */
import type {
  CitedStatement,
  Party,
  PartyAnswer,
  PartyReport,
  PartyReportBriefing,
} from '../../party/model.js';
import { checkNameLength, namePattern, nameWords } from '../../party/name-pattern.js';
import { OpenReport } from '../../party/open-report.js';
import type { PartyRegistry } from '../../party/registry.js';
import { statementsOf } from '../../party/statements.js';
import { wordsExpression } from './fts.js';
import { decodeCited, decodeMentions, statedToken } from './mentions.js';
import type { IndexReader } from './reader.js';

/** How many "did you mean" names an empty answer carries. */
const SUGGESTIONS = 5;
/** A report on this many briefings or fewer is read whole (exact counts, every page known); a larger one as shown. */
export const READ_WHOLE_MAX = 250;
/**
 * A name in no registry is read whole up to this many candidate briefings: each is read and searched for the name
 * (a known party's statements come from its mention rows, far cheaper), so a larger one is read as it is shown.
 */
export const READ_WHOLE_UNKNOWN_MAX = 40;
/** Rows fetched at a time by a report read as it is shown: a page's worth first, then more. */
const FIRST_BATCH = 32;
const MAX_BATCH = 1024;

/** A briefing with statements naming the party: its mentions and the statements they cite (mentions.ts). */
export interface MentionRef {
  row: number;
  parties: string;
  cited: string;
  id: string;
  title: string;
  date: string;
}

export const MENTION_REF = `SELECT d.rowid AS row, m.parties, m.cited, b.id, b.title, b.date
  FROM party_docs d JOIN mentions m ON m.row = d.rowid JOIN briefings b ON b.row = d.rowid`;

export class PartyReports {
  private readonly statements;
  private readonly vocabulary;
  private readonly documentsWith;
  private words?: { generation: string; counts: Map<string, number> };

  constructor(
    private readonly reader: IndexReader,
    private readonly registry: PartyRegistry,
  ) {
    const db = reader.db;
    db.exec(
      "CREATE VIRTUAL TABLE IF NOT EXISTS temp.party_vocabulary USING fts5vocab(main, 'party_docs', 'row')",
    );
    this.vocabulary = db.prepare<[], { term: string; doc: number }>(
      'SELECT term, doc FROM temp.party_vocabulary',
    );
    // One term looked up in the vocabulary, without reading the rest of it.
    this.documentsWith = db
      .prepare<[string], number>('SELECT doc FROM temp.party_vocabulary WHERE term = ?')
      .pluck();
    this.statements = {
      stated: db.prepare<[string], MentionRef>(`${MENTION_REF} WHERE party_docs MATCH ? ORDER BY d.rowid`),
      statedAfter: db.prepare<[string, number, number], MentionRef>(
        `${MENTION_REF} WHERE party_docs MATCH ? AND d.rowid > ? ORDER BY d.rowid LIMIT ?`,
      ),
      statedCount: db
        .prepare<[string], number>('SELECT count(*) FROM party_docs WHERE party_docs MATCH ?')
        .pluck(),
      mentionsOfId: db
        .prepare<[string], string>(
          'SELECT m.parties FROM mentions m JOIN briefings b ON b.row = m.row WHERE b.id_key = ?',
        )
        .pluck(),
      rowOfId: db.prepare<[string], number>('SELECT row FROM briefings WHERE id_key = ?').pluck(),
      wordRows: db
        .prepare<[string], number>('SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY rowid')
        .pluck(),
      wordRowsAfter: db
        .prepare<[string, number, number], number>(
          'SELECT rowid FROM docs WHERE docs MATCH ? AND rowid > ? ORDER BY rowid LIMIT ?',
        )
        .pluck(),
      wordCount: db.prepare<[string], number>('SELECT count(*) FROM docs WHERE docs MATCH ?').pluck(),
    };
  }

  /** Everything the briefings say about the party, read whole. Throws NameTooLongError for an overlong unknown name. */
  report(query: string): PartyReport {
    const party = this.registry.resolve(query);
    if (!party) return this.unknownWhole(query);
    const { ids, expression } = this.membersOf(party);
    return {
      ...this.heading(query, party),
      briefings: this.statements.stated.all(expression).flatMap((ref) => this.cited(ref, ids) ?? []),
      suggestions: [],
    };
  }

  /** What a reader is shown: the report, or for a party named in many briefings, one read as its pages are. */
  answer(query: string): PartyAnswer {
    const party = this.registry.resolve(query);
    if (!party) return this.unknownAnswer(query);
    const { ids, expression } = this.membersOf(party);
    const count = this.statements.statedCount.get(expression)!;
    if (count <= READ_WHOLE_MAX) return this.report(query);
    return new OpenReport({
      ...this.heading(query, party),
      briefingsWithWords: count,
      candidates: this.batches(FIRST_BATCH, (after, limit) =>
        this.statements.statedAfter.all(expression, after, limit),
      ),
      read: (ref) => this.cited(ref, ids),
      suggest: () => [],
    });
  }

  /** The briefing names or declares the party (or one of its members); for a name in no registry, names it. */
  mentions(briefingId: string, query: string): boolean {
    const party = this.registry.resolve(query);
    const idKey = briefingId.toLowerCase();
    if (party) {
      const stored = this.statements.mentionsOfId.get(idKey);
      if (stored === undefined) return false;
      const wanted = new Set(this.registry.withMembers(party).map((one) => one.id));
      return decodeMentions(stored).some((mention) => wanted.has(mention.party));
    }
    const pattern = query.length <= 100 ? namePattern(query) : undefined;
    const row = this.statements.rowOfId.get(idKey);
    const briefing = row === undefined ? undefined : this.reader.atRow(row);
    if (!pattern || !briefing) return false;
    return statementsOf(briefing).some((statement) => {
      pattern.lastIndex = 0;
      return pattern.test(statement.text);
    });
  }

  /** The party and its members: their ids, and the query for briefings with statements naming any of them. */
  private membersOf(party: Party): { ids: Set<string>; expression: string } {
    const ids = new Set(this.registry.withMembers(party).map((one) => one.id));
    return { ids, expression: [...ids].map((id) => `"${statedToken(id)}"`).join(' OR ') };
  }

  /** Members are named when a statement names them itself (the vocabulary of party words says so at once). */
  private heading(query: string, party: Party) {
    const members = this.registry
      .withMembers(party)
      .filter((member) => member !== party && (this.documentsWith.get(statedToken(member.id)) ?? 0) > 0)
      .map((member) => member.name);
    return { query, party: { id: party.id, name: party.name, kind: party.kind }, members };
  }

  /** For each party the briefings name or declare (itself, not through its members): in how many. */
  namedCounts(): { party: string; count: number }[] {
    const counts: { party: string; count: number }[] = [];
    for (const [term, count] of this.partyWords())
      if (term.startsWith('a')) counts.push({ party: Buffer.from(term.slice(1), 'hex').toString(), count });
    return counts;
  }

  /** How many briefings hold each party word (see mentions.ts): kept until the index changes. */
  private partyWords(): Map<string, number> {
    const generation = this.reader.generation();
    if (this.words?.generation !== generation)
      this.words = { generation, counts: new Map(this.vocabulary.all().map((row) => [row.term, row.doc])) };
    return this.words.counts;
  }

  /** The briefing of a mention row with the statements naming the party or a member, in reading order. */
  private cited(ref: MentionRef, ids: ReadonlySet<string>): PartyReportBriefing | undefined {
    const wanted = new Set<number>();
    for (const mention of decodeMentions(ref.parties))
      if (ids.has(mention.party)) for (const index of mention.statements) wanted.add(index);
    if (!wanted.size) return undefined;
    const all = decodeCited(ref.cited);
    const statements: CitedStatement[] = [...wanted]
      .sort((a, b) => a - b)
      .flatMap((index) => all.get(index) ?? []);
    return statements.length ? { id: ref.id, title: ref.title, date: ref.date, statements } : undefined;
  }

  /** The statements of the briefing at `row` that the pattern finds, or undefined when none does. */
  private naming(row: number, pattern: RegExp): PartyReportBriefing | undefined {
    const briefing = this.reader.atRow(row);
    if (!briefing) return undefined;
    const statements = statementsOf(briefing).filter((statement) => {
      pattern.lastIndex = 0;
      return pattern.test(statement.text);
    });
    return statements.length
      ? { id: briefing.id, title: briefing.title, date: briefing.date, statements }
      : undefined;
  }

  private unknownWhole(query: string): PartyReport {
    // Before any pattern is built or index asked: a name thousands of characters long is no name.
    checkNameLength(query);
    const pattern = namePattern(query);
    const expression = wordsExpression(nameWords(query));
    const briefings =
      pattern && expression
        ? this.statements.wordRows.all(expression).flatMap((row) => this.naming(row, pattern) ?? [])
        : [];
    return {
      query,
      party: null,
      members: [],
      briefings,
      suggestions: briefings.length ? [] : this.suggest(query),
    };
  }

  private unknownAnswer(query: string): PartyAnswer {
    checkNameLength(query);
    const pattern = namePattern(query);
    const expression = wordsExpression(nameWords(query));
    const count = pattern && expression ? this.statements.wordCount.get(expression)! : 0;
    if (!pattern || !expression || count <= READ_WHOLE_UNKNOWN_MAX) return this.unknownWhole(query);
    return new OpenReport({
      query,
      party: null,
      members: [],
      briefingsWithWords: count,
      candidates: this.batches(FIRST_BATCH, (after, limit) =>
        this.statements.wordRowsAfter.all(expression, after, limit),
      ),
      read: (row) => this.naming(row, pattern),
      suggest: () => this.suggest(query),
    });
  }

  private suggest(query: string): string[] {
    return this.registry.suggest(query, SUGGESTIONS).map((party) => party.name);
  }

  /**
   * Rows in order, fetched a batch at a time as the caller goes on (each batch a query of its own: no statement
   * stays open between pages), a page's worth first, then twice as many each time.
   */
  private *batches<T extends number | { row: number }>(
    first: number,
    fetch: (after: number, limit: number) => T[],
  ): Generator<T, void, undefined> {
    for (let after = -1, batch = first; ; batch = Math.min(batch * 2, MAX_BATCH)) {
      const rows = fetch(after, batch);
      yield* rows;
      if (rows.length < batch) return;
      const last = rows.at(-1)!;
      after = typeof last === 'number' ? last : last.row;
    }
  }
}
