/**
 * Every reader question is answered here, from the archive index (src/library/index/): paged SQL over the
 * briefings, the full-text tables and the party mentions, with small caches that last until the index changes.
 * The heap holds the party registry and what a page needs, never the whole archive.
 */
import type { Briefing, Problem } from '../briefing/model.js';
import { LIMITS } from '../message/limits.js';
import type { PartyAnswer, PartyKind, PartyReport } from '../party/model.js';
import { partyKey } from '../party/party-key.js';
import type { PartyRegistry } from '../party/registry.js';
import { isHashKey } from '../text/short-key.js';
import { briefingChoice, type Choice } from './autocomplete.js';
import { localDate } from './dates.js';
import { IndexCompleter } from './index/complete.js';
import { PartyReports } from './index/party-reports.js';
import { IndexReader } from './index/reader.js';
import { openIndex } from './index/schema.js';
import { IndexSearch, type SearchHit } from './index/search.js';
import type { SyncProgress } from './index/sync.js';
import { IndexWriter } from './index/writer.js';
import {
  type AppearsWith,
  type CoverageAnswer,
  PartyInsight,
  type StanceAnswer,
  type VersusAnswer,
} from './party-insight.js';
import { Recent } from './recent.js';

export type { Choice, SearchHit };

export interface Page<T> {
  items: T[];
  /** 1-based. */
  page: number;
  pages: number;
  total: number;
}

export interface PartyCount {
  id: string;
  name: string;
  kind: PartyKind;
  count: number;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export class Library {
  private readonly reports: PartyReports;
  private readonly searcher: IndexSearch;
  private readonly completer: IndexCompleter;
  private readonly insight: PartyInsight;
  private cacheGeneration = '';
  // Page buttons ask the same question again for every page; popular parties are asked all day.
  private readonly recentReports = new Recent<PartyReport>(64);
  private readonly recentAnswers = new Recent<PartyAnswer>(64);
  private readonly recentSearches = new Recent<SearchHit[]>(64);
  private readonly recentStances = new Recent<StanceAnswer | undefined>(64);
  private readonly recentLinks = new Recent<AppearsWith[]>(64);
  private partyCountsCache?: PartyCount[];

  /**
   * `progress`: while the index is being built, how far it is (answers may then be incomplete).
   */
  constructor(
    readonly reader: IndexReader,
    readonly registry: PartyRegistry,
    private readonly progressOf: () => SyncProgress | undefined = () => undefined,
  ) {
    this.reports = new PartyReports(reader, registry);
    this.searcher = new IndexSearch(reader);
    this.completer = new IndexCompleter(reader);
    this.insight = new PartyInsight(reader, registry);
  }

  /** A library of the briefings given, in an index in memory: for tests and one-off tools. */
  static of(briefings: readonly Briefing[], registry: PartyRegistry): Library {
    const { db } = openIndex(':memory:');
    const writer = new IndexWriter(db, null, registry);
    writer.apply(
      briefings.map((briefing, index) => ({
        // Of two briefings with one id, the first given is served, as of two files the first by path.
        relative: `${String(index).padStart(9, '0')} ${briefing.file}`,
        size: 0,
        mtimeMs: 0,
        hash: '',
        briefing,
        problems: [],
        mentions: [],
        cited: '',
      })),
      [],
      false,
    );
    return new Library(new IndexReader(db, null), registry);
  }

  /** While the archive is first being indexed: how many files of how many are in. Undefined once it is whole. */
  progress(): SyncProgress | undefined {
    return this.progressOf();
  }

  get size(): number {
    return this.reader.count();
  }

  /** Closes the index (a library made with `of`); a live library's index is closed by its owner. */
  close(): void {
    if (this.reader.db.memory) this.reader.db.close();
  }

  latest(): Briefing | undefined {
    return this.reader.page(1, 0)[0];
  }

  get(id: string): Briefing | undefined {
    return this.reader.byId(id.trim());
  }

  /** By id, or by the hash a page button or an autocomplete value carries for a long id (see briefing-key.ts). */
  find(idOrKey: string): Briefing | undefined {
    const briefing = this.get(idOrKey);
    if (briefing || !isHashKey(idOrKey.trim())) return briefing;
    return this.reader.byShortKey(idOrKey.trim());
  }

  /** Briefings dated YYYY-MM-DD. */
  onDate(date: string): Briefing[] {
    return this.reader.onDate(date);
  }

  /** Briefings dated today in the reader's (or server's) time zone. */
  today(timezone: string, now: Date = new Date()): Briefing[] {
    return this.onDate(localDate(timezone, now));
  }

  /** Briefings dated on or after YYYY-MM-DD, newest first: what a digest chooses from. */
  since(date: string): Briefing[] {
    return this.reader.since(date);
  }

  list(page: number, pageSize: number): Page<Briefing> {
    const total = this.size;
    const pages = Math.max(1, Math.ceil(total / pageSize));
    const current = Math.min(Math.max(1, Math.trunc(page)), pages);
    return { items: this.reader.page(pageSize, (current - 1) * pageSize), page: current, pages, total };
  }

  search(query: string, limit = 100): SearchHit[] {
    this.freshCaches();
    return this.recentSearches.get(`${limit}\u0000${query}`, () => this.searcher.search(query, limit));
  }

  /**
   * Everything the briefings say about the party, read whole (what `briefings party` prints). Throws
   * NameTooLongError for a name in no registry past MAX_NAME_LENGTH (src/party/name-pattern.ts).
   */
  party(query: string): PartyReport {
    this.freshCaches();
    return this.recentReports.get(query, () => this.reports.report(query));
  }

  /** What `/briefing party` shows, a page at a time: the report, or for a large one, one read as it is shown. */
  partyAnswer(query: string): PartyAnswer {
    this.freshCaches();
    return this.recentAnswers.get(query, () => this.reports.answer(query));
  }

  /**
   * Where a known party stands (says, wants, refuses, agreed), from the newest briefings naming it; undefined for a
   * name in no registry.
   */
  partyStance(query: string): StanceAnswer | undefined {
    const party = this.registry.resolve(query);
    if (!party) return undefined;
    const answer = this.partyAnswer(query);
    return this.recentStances.get(party.id, () => this.insight.stance(answer, this.appearsWith(query)));
  }

  /** The parties a known party is most often named with in one statement. */
  appearsWith(query: string): AppearsWith[] {
    const party = this.registry.resolve(query);
    if (!party) return [];
    this.freshCaches();
    return this.recentLinks.get(party.id, () => this.insight.appearsWith(party));
  }

  /** A known party's briefings over time, beside its three most frequent companions; undefined for an unknown name. */
  partyCoverage(query: string): CoverageAnswer | undefined {
    const party = this.registry.resolve(query);
    return party && this.insight.coverage(party, this.appearsWith(query));
  }

  /** Two known parties in the briefings naming both; undefined when either is in no registry. */
  partyVersus(first: string, second: string): VersusAnswer | undefined {
    const a = this.registry.resolve(first);
    const b = this.registry.resolve(second);
    return a && b ? this.insight.versus(a, b) : undefined;
  }

  /** The briefing mentions or declares that party (or one of its members): used by digest filters. */
  mentions(briefingId: string, party: string): boolean {
    return this.reports.mentions(briefingId, party);
  }

  completeBriefings(typed: string): Choice[] {
    return this.completer.closest(typed).map(briefingChoice);
  }

  /** Names shown shortened when they must be; values are keys that resolve to the party, never cut names. */
  completeParties(typed: string): Choice[] {
    const text = typed.trim();
    const parties = text ? this.registry.suggest(text, LIMITS.autocompleteChoices) : this.mostMentioned();
    return parties.slice(0, LIMITS.autocompleteChoices).map((party) => ({
      name: clip(party.name, LIMITS.choiceName),
      value: partyKey(party),
    }));
  }

  /** Ids closest to one that does not exist, for "did you mean". */
  closestIds(id: string, limit = 5): string[] {
    return this.completer.closest(id, limit).map((briefing) => briefing.id);
  }

  /** Parties the briefings name or declare (each party itself, not through its members), most briefings first. */
  partyCounts(): PartyCount[] {
    this.freshCaches();
    this.partyCountsCache ??= this.reports
      .namedCounts()
      .flatMap(({ party: id, count }) => {
        const party = this.registry.get(id);
        return party ? [{ id, name: party.name, kind: party.kind, count }] : [];
      })
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
    return this.partyCountsCache;
  }

  /** Every problem the index holds for the folder's files, by path. */
  problems(): Problem[] {
    return this.reader.problems();
  }

  private mostMentioned() {
    return this.partyCounts()
      .slice(0, LIMITS.autocompleteChoices)
      .map((count) => ({ id: count.id, name: count.name }));
  }

  /** Answers kept are dropped once the index changes. */
  private freshCaches(): void {
    const generation = this.reader.generation();
    if (generation === this.cacheGeneration) return;
    this.cacheGeneration = generation;
    this.recentReports.clear();
    this.recentAnswers.clear();
    this.recentSearches.clear();
    this.recentStances.clear();
    this.recentLinks.clear();
    this.partyCountsCache = undefined;
  }
}
