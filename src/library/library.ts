/** The in-memory index every reader question is answered from. Rebuilt whole when the folder changes. */
import type { Briefing } from '../briefing/model.js';
import { LIMITS } from '../message/limits.js';
import type { PartyAnswer, PartyKind, PartyReport } from '../party/model.js';
import { partyKey } from '../party/party-key.js';
import type { PartyRegistry } from '../party/registry.js';
import { PartyIndex } from '../party/report-index.js';
import { isHashKey } from '../text/short-key.js';
import { BriefingCompleter, type Choice } from './autocomplete.js';
import { briefingKey } from './briefing-key.js';
import { localDate } from './dates.js';
import { Recent } from './recent.js';
import { type SearchHit, SearchIndex } from './search-index.js';

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

/** Newest first: by date, then by id so the order is stable. */
function newestFirst(a: Briefing, b: Briefing): number {
  return a.date === b.date ? a.id.localeCompare(b.id) : a.date < b.date ? 1 : -1;
}

export class Library {
  private readonly ordered: readonly Briefing[];
  private readonly byId: ReadonlyMap<string, Briefing>;
  private readonly byDate = new Map<string, Briefing[]>();
  private readonly searchIndex: SearchIndex;
  private readonly parties: PartyIndex;
  private readonly completer: BriefingCompleter;
  private partyCountsCache?: PartyCount[];
  /** briefingKey -> briefing, for the ids that key hashes; built on the first hashed key asked for. */
  private byHashedKey?: Map<string, Briefing>;
  // Page buttons ask the same question again for every page; popular parties are asked all day.
  private readonly recentReports = new Recent<PartyReport>(64);
  private readonly recentAnswers = new Recent<PartyAnswer>(64);
  private readonly recentSearches = new Recent<SearchHit[]>(64);

  constructor(
    briefings: readonly Briefing[],
    readonly registry: PartyRegistry,
  ) {
    this.ordered = [...briefings].sort(newestFirst);
    this.byId = new Map(this.ordered.map((briefing) => [briefing.id, briefing]));
    for (const briefing of this.ordered) {
      const sameDay = this.byDate.get(briefing.date);
      if (sameDay) sameDay.push(briefing);
      else this.byDate.set(briefing.date, [briefing]);
    }
    this.searchIndex = new SearchIndex(this.ordered);
    // A name in no registry is looked up in the full-text index, not in every statement.
    this.parties = new PartyIndex(registry, this.ordered, this.searchIndex);
    this.completer = new BriefingCompleter(this.ordered);
  }

  get size(): number {
    return this.ordered.length;
  }

  /** Releases the native search index; call once a newer library has replaced this one. */
  close(): void {
    this.searchIndex.close();
  }

  /** Every briefing, newest first. */
  all(): readonly Briefing[] {
    return this.ordered;
  }

  latest(): Briefing | undefined {
    return this.ordered[0];
  }

  get(id: string): Briefing | undefined {
    return this.byId.get(id.trim());
  }

  /** By id, or by the hash a page button or an autocomplete value carries for a long id (see briefing-key.ts). */
  find(idOrKey: string): Briefing | undefined {
    const briefing = this.get(idOrKey);
    if (briefing || !isHashKey(idOrKey.trim())) return briefing;
    // Only the ids that get hashed need hashing to compare: the long ones, a few at most.
    this.byHashedKey ??= new Map(
      this.ordered
        .filter((one) => briefingKey(one.id) !== one.id)
        .map((one) => [briefingKey(one.id), one] as const),
    );
    return this.byHashedKey.get(idOrKey.trim());
  }

  /** Briefings dated YYYY-MM-DD. */
  onDate(date: string): Briefing[] {
    return this.byDate.get(date) ?? [];
  }

  /** Briefings dated today in the reader's (or server's) time zone. */
  today(timezone: string, now: Date = new Date()): Briefing[] {
    return this.onDate(localDate(timezone, now));
  }

  list(page: number, pageSize: number): Page<Briefing> {
    const pages = Math.max(1, Math.ceil(this.ordered.length / pageSize));
    const current = Math.min(Math.max(1, Math.trunc(page)), pages);
    const start = (current - 1) * pageSize;
    return {
      items: this.ordered.slice(start, start + pageSize),
      page: current,
      pages,
      total: this.ordered.length,
    };
  }

  search(query: string, limit = 100): SearchHit[] {
    return this.recentSearches.get(`${limit}\u0000${query}`, () => this.searchIndex.search(query, limit));
  }

  /**
   * Everything the briefings say about the party, read whole (what `briefings party` prints). Throws
   * NameTooLongError for a name in no registry past MAX_NAME_LENGTH (src/party/name-pattern.ts).
   */
  party(query: string): PartyReport {
    return this.recentReports.get(query, () => this.parties.report(query));
  }

  /**
   * What `/briefing party` shows, a page at a time: the report, or for a name in no registry that most briefings
   * hold, one read only as far as the pages shown (PartyIndex.answer). Throws as party() does.
   */
  partyAnswer(query: string): PartyAnswer {
    return this.recentAnswers.get(query, () => this.parties.answer(query));
  }

  /** The briefing mentions or declares that party (or one of its members): used by digest filters. */
  mentions(briefingId: string, party: string): boolean {
    return this.parties.mentions(briefingId, party);
  }

  completeBriefings(typed: string): Choice[] {
    return this.completer.complete(typed);
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

  /** Parties the briefings mention, most briefings first. */
  partyCounts(): PartyCount[] {
    if (!this.partyCountsCache) {
      const counts = new Map<string, PartyCount>();
      for (const briefing of this.ordered) {
        for (const party of this.parties.partiesOf(briefing.id)) {
          const entry = counts.get(party.id) ?? {
            id: party.id,
            name: party.name,
            kind: party.kind,
            count: 0,
          };
          entry.count++;
          counts.set(party.id, entry);
        }
      }
      this.partyCountsCache = [...counts.values()].sort(
        (a, b) => b.count - a.count || a.name.localeCompare(b.name),
      );
    }
    return this.partyCountsCache;
  }

  private mostMentioned() {
    return this.partyCounts()
      .slice(0, LIMITS.autocompleteChoices)
      .map((count) => ({ id: count.id, name: count.name }));
  }
}
