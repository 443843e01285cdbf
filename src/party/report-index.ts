/**
 * Everything the briefings say about each party, worked out once when the library is built: each
 * statement is matched once, and each party keeps the list of statements that mention it. A report
 * then only gathers the lists of the party and its members.
 */
import type { Briefing } from '../briefing/model.js';
import { type MentionMatcher, matcherFor } from './matcher.js';
import type { CitedStatement, Party, PartyAnswer, PartyReport, PartyReportBriefing } from './model.js';
import { checkNameLength, MAX_NAME_LENGTH, namePattern, nameWords } from './name-pattern.js';
import { NamedSoFar } from './named-so-far.js';
import { OpenReport } from './open-report.js';
import type { PartyRegistry } from './registry.js';
import { statementsOf } from './statements.js';

/** How many "did you mean" names an empty answer carries. */
const SUGGESTIONS = 5;
/**
 * A name in no registry whose words this many briefings hold, or fewer, is answered whole (exact counts, every
 * page known) in a few milliseconds; one held by more is read as its pages are shown.
 */
export const READ_WHOLE_MAX = 250;

/** Newest first: by date, then by id so the order is stable. */
function newestFirst(a: Briefing, b: Briefing): number {
  return a.date === b.date ? a.id.localeCompare(b.id) : a.date < b.date ? 1 : -1;
}

/**
 * The briefings holding every word of a name (the library's full-text index): a question about a name in no
 * registry reads only their statements, not every statement of every briefing. Briefings come in the order they
 * were given to the index, which must be the report's (the library gives both the same newest-first list).
 */
export interface BriefingWords {
  briefingsWithWords(words: readonly string[]): readonly Briefing[];
  /** How many briefingsWithWords would return, without reading them. */
  countBriefingsWithWords(words: readonly string[]): number;
  /** The same briefings, read only as far as the caller goes. */
  eachBriefingWithWords(words: readonly string[]): Iterable<Briefing>;
}

export class PartyIndex {
  private readonly briefings: readonly Briefing[];
  /** Briefing id -> index in `briefings`; built on the first question about one briefing, not at start-up. */
  private briefingIndex?: Map<string, number>;
  /**
   * Statements by briefing, in reading order. A statement's id counts on across briefings, newest briefing
   * first: the briefing's first id is in firstStatement. Reports share these objects. (One list per briefing
   * is quicker to fill than one list of every statement, which the garbage collector must watch as it grows.)
   */
  private readonly statements: CitedStatement[][] = [];
  private readonly firstStatement: number[] = [];
  /** By statement id: index of its briefing. */
  private readonly statementBriefing: Int32Array;
  private readonly matcher: MentionMatcher;
  /** By party ordinal: ascending ids of the statements that name the party. */
  private readonly statementsByParty: (number[] | undefined)[] = [];
  /**
   * Pairs of party ordinal and number of statements naming it (a declared party counts once), briefing after
   * briefing in one list: briefing `i` has the pairs from partyCountStarts[i] to partyCountStarts[i + 1].
   */
  private readonly partyCounts: Int32Array;
  private readonly partyCountStarts: Int32Array;
  /** Briefing -> index in `briefings`, for the candidates the word index finds; built on first use. */
  private positions?: Map<Briefing, number>;

  /**
   * `words` finds the briefings to read for a name in no registry; without it (a handful of briefings in a test)
   * every briefing is read.
   */
  constructor(
    private readonly registry: PartyRegistry,
    briefings: readonly Briefing[],
    private readonly words?: BriefingWords,
  ) {
    this.briefings = [...briefings].sort(newestFirst);
    this.matcher = matcherFor(registry);
    const counter = new BriefingCounter(this.matcher.partyCount);
    this.partyCountStarts = new Int32Array(this.briefings.length + 1);
    const declaredCache = new Map<string, number | undefined>();
    let count = 0;
    for (const briefing of this.briefings) {
      const statements = statementsOf(briefing);
      this.statements.push(statements);
      this.firstStatement.push(count);
      count += statements.length;
    }
    this.statementBriefing = new Int32Array(count);
    const ordinals: number[] = [];
    // A common surname counts after its person's full name anywhere earlier in the same briefing.
    const named = new NamedSoFar(this.matcher.partyCount);
    // Plain loops over arrays sized up front: this runs for every statement of every briefing at start-up.
    for (let index = 0; index < this.briefings.length; index++) {
      const briefing = this.briefings[index]!;
      const statements = this.statements[index]!;
      const first = this.firstStatement[index]!;
      this.statementBriefing.fill(index, first, first + statements.length);
      named.clear();
      for (let offset = 0; offset < statements.length; offset++) {
        const id = first + offset;
        this.matcher.collectOrdinals(statements[offset]!.text, ordinals, named);
        for (let i = 0; i < ordinals.length; i++) {
          const ordinal = ordinals[i]!;
          counter.add(ordinal);
          const list = this.statementsByParty[ordinal];
          if (list) list.push(id);
          else this.statementsByParty[ordinal] = [id];
        }
      }
      for (const name of briefing.parties) {
        if (!declaredCache.has(name)) {
          const party = this.registry.resolve(name);
          declaredCache.set(name, party && this.matcher.ordinalOf(party.id));
        }
        const ordinal = declaredCache.get(name);
        if (ordinal !== undefined) counter.declare(ordinal);
      }
      this.partyCountStarts[index + 1] = counter.flush();
    }
    this.partyCounts = counter.pairs();
  }

  /**
   * Every statement about the party or its members; for a name no registry knows, every statement naming it.
   * Throws NameTooLongError for an unknown name past MAX_NAME_LENGTH.
   */
  report(query: string): PartyReport {
    const party = this.registry.resolve(query);
    if (!party) return this.reportUnknown(query);
    const parties = this.registry.withMembers(party);
    const lists: number[][] = [];
    const members: string[] = [];
    for (const one of parties) {
      const ordinal = this.matcher.ordinalOf(one.id);
      const list = ordinal === undefined ? undefined : this.statementsByParty[ordinal];
      if (!list) continue;
      lists.push(list);
      if (one !== party) members.push(one.name);
    }
    return {
      query,
      party: { id: party.id, name: party.name, kind: party.kind },
      members,
      briefings: this.group(mergeAscending(lists)),
      suggestions: [],
    };
  }

  /**
   * What a reader is shown: the report, or for a name in no registry whose words more than READ_WHOLE_MAX
   * briefings hold, a report counted in the word index and read only as far as the pages shown.
   */
  answer(query: string): PartyAnswer {
    if (!this.words || this.registry.resolve(query)) return this.report(query);
    const words = nameWords(query);
    const pattern = namePattern(query);
    const count = pattern ? this.words.countBriefingsWithWords(words) : 0;
    if (!pattern || count <= READ_WHOLE_MAX) return this.report(query);
    return new OpenReport(
      query,
      count,
      inReportOrder(this.indexesOf(this.words.eachBriefingWithWords(words))),
      (index) => this.naming(index, pattern),
      () => this.suggest(query),
    );
  }

  /** The briefing mentions or declares the party (or one of its members). */
  mentions(briefingId: string, partyQuery: string): boolean {
    const index = this.indexOf(briefingId);
    if (index === undefined) return false;
    const party = this.registry.resolve(partyQuery);
    if (!party) {
      if (partyQuery.length > MAX_NAME_LENGTH) return false;
      const pattern = namePattern(partyQuery);
      return pattern !== undefined && this.collectNaming(index, pattern, []) > 0;
    }
    const counts = this.partyCounts;
    const wanted = new Set(this.registry.withMembers(party).map((one) => this.matcher.ordinalOf(one.id)));
    for (let i = this.partyCountStarts[index]!; i < this.partyCountStarts[index + 1]!; i += 2)
      if (wanted.has(counts[i])) return true;
    return false;
  }

  /** Parties the briefing mentions or declares, most-mentioned first. */
  partiesOf(briefingId: string): Party[] {
    const index = this.indexOf(briefingId);
    if (index === undefined) return [];
    const parties: { party: Party; count: number }[] = [];
    const counts = this.partyCounts;
    for (let i = this.partyCountStarts[index]!; i < this.partyCountStarts[index + 1]!; i += 2) {
      const party = this.registry.get(this.matcher.partyIdOf(counts[i]!) ?? '');
      if (party) parties.push({ party, count: counts[i + 1]! });
    }
    return parties
      .sort((a, b) => b.count - a.count || a.party.name.localeCompare(b.party.name))
      .map(({ party }) => party);
  }

  private indexOf(briefingId: string): number | undefined {
    if (!this.briefingIndex) {
      this.briefingIndex = new Map();
      for (let index = 0; index < this.briefings.length; index++)
        this.briefingIndex.set(this.briefings[index]!.id, index);
    }
    return this.briefingIndex.get(briefingId);
  }

  private reportUnknown(query: string): PartyReport {
    // Before any pattern is built or index asked: a name thousands of characters long is no name.
    checkNameLength(query);
    const briefings = this.group(this.statementsNaming(query));
    const suggestions = briefings.length === 0 ? this.suggest(query) : [];
    return { query, party: null, members: [], briefings, suggestions };
  }

  private suggest(query: string): string[] {
    return this.registry.suggest(query, SUGGESTIONS).map((party) => party.name);
  }

  /** The briefing at `index` with its statements the pattern finds, or undefined when it finds none. */
  private naming(index: number, pattern: RegExp): PartyReportBriefing | undefined {
    const found: number[] = [];
    return this.collectNaming(index, pattern, found) ? this.group(found)[0] : undefined;
  }

  /**
   * Statements containing the words of `name` as whole words, ignoring case and diacritics, ascending: only
   * the statements of the briefings the word index finds holding every word are read.
   */
  private statementsNaming(name: string): number[] {
    const pattern = namePattern(name);
    if (!pattern) return [];
    const found: number[] = [];
    for (const index of this.candidates(nameWords(name))) this.collectNaming(index, pattern, found);
    return found;
  }

  /** Indexes of the briefings that may name the words, ascending. */
  private candidates(words: readonly string[]): Iterable<number> {
    if (!this.words) return this.briefings.keys();
    return [...this.indexesOf(this.words.briefingsWithWords(words))].sort((a, b) => a - b);
  }

  /** The indexes of briefings the word index gives, in its order, as they are read. */
  private *indexesOf(briefings: Iterable<Briefing>): Generator<number, void, undefined> {
    if (!this.positions) {
      this.positions = new Map();
      for (let index = 0; index < this.briefings.length; index++)
        this.positions.set(this.briefings[index]!, index);
    }
    for (const briefing of briefings) {
      const index = this.positions.get(briefing);
      if (index !== undefined) yield index;
    }
  }

  /** Adds the ids of the briefing's statements the pattern finds; returns how many it added. */
  private collectNaming(index: number, pattern: RegExp, into: number[]): number {
    const statements = this.statements[index]!;
    const first = this.firstStatement[index]!;
    let added = 0;
    for (let offset = 0; offset < statements.length; offset++) {
      pattern.lastIndex = 0;
      if (pattern.test(statements[offset]!.text)) {
        into.push(first + offset);
        added++;
      }
    }
    return added;
  }

  private group(statementIds: readonly number[]): PartyReportBriefing[] {
    const grouped: PartyReportBriefing[] = [];
    let current: PartyReportBriefing | undefined;
    let currentIndex = -1;
    for (const id of statementIds) {
      const index = this.statementBriefing[id]!;
      if (index !== currentIndex) {
        const briefing = this.briefings[index]!;
        current = { id: briefing.id, title: briefing.title, date: briefing.date, statements: [] };
        currentIndex = index;
        grouped.push(current);
      }
      current!.statements.push(this.statements[index]![id - this.firstStatement[index]!]!);
    }
    return grouped;
  }
}

/**
 * The indexes as they come, which must be ascending: a report read as it is shown cannot sort what it has not
 * read, so a word index in another order is a mistake said at once, not a report out of order.
 */
function* inReportOrder(indexes: Iterable<number>): Generator<number, void, undefined> {
  let last = -1;
  for (const index of indexes) {
    if (index <= last) throw new Error('the word index gives briefings in another order than the report');
    last = index;
    yield index;
  }
}

/** Union of ascending id lists, ascending, without repeats. */
function mergeAscending(lists: number[][]): number[] {
  if (lists.length === 0) return [];
  if (lists.length === 1) return lists[0]!;
  const merged = lists.flat().sort((a, b) => a - b);
  return merged.filter((id, i) => i === 0 || merged[i - 1] !== id);
}

/** Counts the parties of one briefing at a time without a map per briefing. */
class BriefingCounter {
  private readonly counts: Int32Array;
  private readonly declared: Uint8Array;
  private readonly touched: number[] = [];
  /** Every briefing's counts so far, as ordinal, count pairs; a typed array grown by doubling pushes fastest. */
  private flushed = new Int32Array(1024);
  private flushedLength = 0;

  constructor(parties: number) {
    this.counts = new Int32Array(parties);
    this.declared = new Uint8Array(parties);
  }

  add(ordinal: number): void {
    if (this.counts[ordinal] === 0) this.touched.push(ordinal);
    this.counts[ordinal]!++;
  }

  /** A party the front matter names counts once, however often it is named there. */
  declare(ordinal: number): void {
    if (this.declared[ordinal]) return;
    this.declared[ordinal] = 1;
    this.add(ordinal);
  }

  /** Ends the briefing: keeps its counts and empties the counter; returns where the next briefing's pairs start. */
  flush(): number {
    const needed = this.flushedLength + this.touched.length * 2;
    if (needed > this.flushed.length) {
      const grown = new Int32Array(Math.max(needed, this.flushed.length * 2));
      grown.set(this.flushed);
      this.flushed = grown;
    }
    for (let i = 0; i < this.touched.length; i++) {
      const ordinal = this.touched[i]!;
      this.flushed[this.flushedLength++] = ordinal;
      this.flushed[this.flushedLength++] = this.counts[ordinal]!;
      this.counts[ordinal] = 0;
      this.declared[ordinal] = 0;
    }
    this.touched.length = 0;
    return this.flushedLength;
  }

  /** The pairs of every briefing flushed. */
  pairs(): Int32Array {
    return this.flushed.slice(0, this.flushedLength);
  }
}
