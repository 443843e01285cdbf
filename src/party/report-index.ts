/**
 * Everything the briefings say about each party, worked out once when the library is built: each
 * statement is matched once, and each party keeps the list of statements that mention it. A report
 * then only gathers the lists of the party and its members.
 */
import type { Briefing } from '../briefing/model.js';
import { fold } from './fold.js';
import { type MentionMatcher, matcherFor } from './matcher.js';
import type { CitedStatement, Party, PartyReport, PartyReportBriefing } from './model.js';
import type { PartyRegistry } from './registry.js';
import { statementsOf } from './statements.js';
import { tokenize } from './tokens.js';

/** How many "did you mean" names an empty answer carries. */
const SUGGESTIONS = 5;

/** Newest first: by date, then by id so the order is stable. */
function newestFirst(a: Briefing, b: Briefing): number {
  return a.date === b.date ? a.id.localeCompare(b.id) : a.date < b.date ? 1 : -1;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export class PartyIndex {
  private readonly briefings: readonly Briefing[];
  private readonly briefingIndex = new Map<string, number>();
  /** Statements of every briefing, newest briefing first, in reading order within a briefing. Reports share these objects. */
  private readonly statements: CitedStatement[] = [];
  private readonly statementBriefing: number[] = [];
  /** Party id -> ascending ids of the statements that name it. */
  private readonly statementsByParty = new Map<string, number[]>();
  /** Per briefing: party id -> statements naming it (declared parties count once). */
  private readonly partyCounts: Map<string, number>[] = [];
  /** Per briefing: parties the front matter declares. */
  private readonly declared: Set<string>[] = [];
  private foldedCorpus?: { text: string; starts: number[] };
  private readonly scratchIds: string[] = [];

  constructor(
    private readonly registry: PartyRegistry,
    briefings: readonly Briefing[],
  ) {
    this.briefings = [...briefings].sort(newestFirst);
    const matcher = matcherFor(registry);
    this.briefings.forEach((briefing, index) => {
      this.briefingIndex.set(briefing.id, index);
      this.indexBriefing(briefing, index, matcher);
    });
  }

  private indexBriefing(briefing: Briefing, index: number, matcher: MentionMatcher): void {
    const counts = new Map<string, number>();
    const partyIds = this.scratchIds;
    for (const statement of statementsOf(briefing)) {
      const id = this.statements.length;
      this.statements.push(statement);
      this.statementBriefing.push(index);
      matcher.collectPartyIds(statement.text, partyIds);
      for (const partyId of partyIds) {
        counts.set(partyId, (counts.get(partyId) ?? 0) + 1);
        const list = this.statementsByParty.get(partyId);
        if (list) list.push(id);
        else this.statementsByParty.set(partyId, [id]);
      }
    }
    const declared = new Set<string>();
    for (const name of briefing.parties) {
      const party = this.registry.resolve(name);
      if (!party || declared.has(party.id)) continue;
      declared.add(party.id);
      counts.set(party.id, (counts.get(party.id) ?? 0) + 1);
    }
    this.partyCounts.push(counts);
    this.declared.push(declared);
  }

  /** Every statement about the party or its members; for a name no registry knows, every statement naming it. */
  report(query: string): PartyReport {
    const party = this.registry.resolve(query);
    if (!party) return this.reportUnknown(query);
    const parties = this.registry.withMembers(party);
    const lists: number[][] = [];
    const members: string[] = [];
    for (const one of parties) {
      const list = this.statementsByParty.get(one.id);
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

  /** The briefing mentions or declares the party (or one of its members). */
  mentions(briefingId: string, partyQuery: string): boolean {
    const index = this.briefingIndex.get(briefingId);
    if (index === undefined) return false;
    const party = this.registry.resolve(partyQuery);
    if (!party) return this.statementsNaming(partyQuery).some((id) => this.statementBriefing[id] === index);
    const counts = this.partyCounts[index]!;
    return this.registry.withMembers(party).some((one) => counts.has(one.id));
  }

  /** Parties the briefing mentions or declares, most-mentioned first. */
  partiesOf(briefingId: string): Party[] {
    const index = this.briefingIndex.get(briefingId);
    if (index === undefined) return [];
    const parties: { party: Party; count: number }[] = [];
    for (const [id, count] of this.partyCounts[index]!) {
      const party = this.registry.get(id);
      if (party) parties.push({ party, count });
    }
    return parties
      .sort((a, b) => b.count - a.count || a.party.name.localeCompare(b.party.name))
      .map(({ party }) => party);
  }

  private reportUnknown(query: string): PartyReport {
    const briefings = this.group(this.statementsNaming(query));
    const suggestions =
      briefings.length === 0 ? this.registry.suggest(query, SUGGESTIONS).map((party) => party.name) : [];
    return { query, party: null, members: [], briefings, suggestions };
  }

  /** Statements containing the words of `name` as whole words, ignoring case and diacritics. */
  private statementsNaming(name: string): number[] {
    const words = tokenize(name).flatMap((token) => token.key.match(/[\p{L}\p{N}]+/gu) ?? []);
    if (words.length === 0) return [];
    const corpus = this.corpus();
    const pattern = new RegExp(
      `(?<![\\p{L}\\p{N}])${words.map(escapeRegExp).join("[\\s\\-.'’]+")}(?![\\p{L}\\p{N}])`,
      'gu',
    );
    const found: number[] = [];
    for (const match of corpus.text.matchAll(pattern)) {
      const id = lastAtOrBefore(corpus.starts, match.index);
      if (found[found.length - 1] !== id) found.push(id);
    }
    return found;
  }

  /** All statements folded into one text, built the first time an unknown name is asked for. */
  private corpus(): { text: string; starts: number[] } {
    if (!this.foldedCorpus) {
      const starts: number[] = [];
      const parts: string[] = [];
      let offset = 0;
      for (const { text } of this.statements) {
        const folded = fold(text);
        starts.push(offset);
        parts.push(folded);
        offset += folded.length + 1;
      }
      this.foldedCorpus = { text: parts.join('\n'), starts };
    }
    return this.foldedCorpus;
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
      current!.statements.push(this.statements[id]!);
    }
    return grouped;
  }
}

/** Union of ascending id lists, ascending, without repeats. */
function mergeAscending(lists: number[][]): number[] {
  if (lists.length === 0) return [];
  if (lists.length === 1) return lists[0]!;
  const merged = lists.flat().sort((a, b) => a - b);
  return merged.filter((id, i) => i === 0 || merged[i - 1] !== id);
}

/** Index of the last value not greater than `target` in an ascending list. */
function lastAtOrBefore(values: readonly number[], target: number): number {
  let low = 0;
  let high = values.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (values[middle]! <= target) low = middle;
    else high = middle - 1;
  }
  return low;
}
