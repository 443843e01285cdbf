/**
 * How a party's coverage moves and who it appears with, from the index: the dates of the briefings naming it
 * (or a member), and the parties named in the same statements as it, counted. Neither reads a briefing: dates
 * come from `briefings`, shared statements from the mention rows (mentions.ts).
 */
import type { CitedStatement, Party, PartyReportBriefing } from '../../party/model.js';
import type { PartyRegistry } from '../../party/registry.js';
import { anyToken, decodeCited, decodeMentions, statedToken } from './mentions.js';
import { MENTION_REF, type MentionRef } from './party-reports.js';
import type { IndexReader } from './reader.js';

/** Companions are counted in the newest this many briefings naming the party: who it is with now, at any size. */
export const COMPANIONS_WINDOW = 1000;

export interface AppearsWith {
  party: Party;
  /** Statements naming both (the party or a member, and this party or one of its members). */
  statements: number;
  /** Briefings with at least one such statement. */
  briefings: number;
}

/** A MATCH expression for the briefings naming any of the ids: `token` picks named-or-declared or stated. */
export function anyOf(ids: Iterable<string>, token: (id: string) => string): string {
  return [...ids].map((id) => `"${token(id)}"`).join(' OR ');
}

export class PartyLinks {
  private readonly statements;

  constructor(
    reader: IndexReader,
    private readonly registry: PartyRegistry,
  ) {
    const db = reader.db;
    this.statements = {
      dates: db
        .prepare<[string, string], string>(
          'SELECT b.date FROM party_docs d JOIN briefings b ON b.row = d.rowid WHERE party_docs MATCH ? AND b.date >= ? ORDER BY d.rowid',
        )
        .pluck(),
      statedByBoth: db.prepare<[string, number], MentionRef>(
        `${MENTION_REF} WHERE party_docs MATCH ? ORDER BY d.rowid LIMIT ?`,
      ),
      countBoth: db
        .prepare<[string], number>('SELECT count(*) FROM party_docs WHERE party_docs MATCH ?')
        .pluck(),
      mentionRows: db
        .prepare<[string, number], string>(
          'SELECT m.parties FROM party_docs d JOIN mentions m ON m.row = d.rowid WHERE party_docs MATCH ? ORDER BY d.rowid LIMIT ?',
        )
        .pluck(),
    };
  }

  /** The party and the parties that belong to it, by id. */
  idsOf(party: Party): Set<string> {
    return new Set(this.registry.withMembers(party).map((one) => one.id));
  }

  /** The date of every briefing naming or declaring the party or a member, newest first; from `since` on. */
  dates(party: Party, since = ''): string[] {
    return this.statements.dates.all(anyOf(this.idsOf(party), anyToken), since);
  }

  /**
   * The newest briefings (at most `limit`) with statements naming each of the two parties (or their members), with
   * the statements naming each side, and how many briefings there are in all.
   */
  both(
    a: Party,
    b: Party,
    limit: number,
  ): {
    total: number;
    briefings: { briefing: PartyReportBriefing; sides: [CitedStatement[], CitedStatement[]] }[];
  } {
    const sides = [this.idsOf(a), this.idsOf(b)] as const;
    const expression = `(${anyOf(sides[0], statedToken)}) AND (${anyOf(sides[1], statedToken)})`;
    const briefings = this.statements.statedByBoth.all(expression, limit).map((ref) => {
      const mentions = decodeMentions(ref.parties);
      const cited = decodeCited(ref.cited);
      const naming = (ids: ReadonlySet<string>) => {
        const indexes = new Set<number>();
        for (const mention of mentions)
          if (ids.has(mention.party)) for (const index of mention.statements) indexes.add(index);
        return [...indexes].sort((x, y) => x - y).flatMap((index) => cited.get(index) ?? []);
      };
      const first = naming(sides[0]);
      const second = naming(sides[1]);
      return {
        // A statement naming both is one statement (the same object from `cited`).
        briefing: {
          id: ref.id,
          title: ref.title,
          date: ref.date,
          statements: [...new Set([...first, ...second])],
        },
        sides: [first, second] as [CitedStatement[], CitedStatement[]],
      };
    });
    return { total: this.statements.countBoth.get(expression) ?? 0, briefings };
  }

  /**
   * The parties named in the same statements as the party (or a member), in its newest COMPANIONS_WINDOW
   * briefings, most statements first. The party's own
   * members are the party itself and are left out; every other party counts by itself (Putin apart from Russia).
   */
  appearsWith(party: Party, limit: number): AppearsWith[] {
    const own = this.idsOf(party);
    const counts = new Map<string, { statements: number; briefings: number }>();
    for (const json of this.statements.mentionRows.all(anyOf(own, statedToken), COMPANIONS_WINDOW)) {
      const mentions = decodeMentions(json);
      const ownStatements = new Set<number>();
      for (const mention of mentions)
        if (own.has(mention.party)) for (const index of mention.statements) ownStatements.add(index);
      for (const mention of mentions) {
        if (own.has(mention.party)) continue;
        const shared = mention.statements.filter((index) => ownStatements.has(index)).length;
        if (!shared) continue;
        const count = counts.get(mention.party) ?? { statements: 0, briefings: 0 };
        count.statements += shared;
        count.briefings += 1;
        counts.set(mention.party, count);
      }
    }
    return [...counts]
      .flatMap(([id, count]) => {
        const other = this.registry.get(id);
        return other ? [{ party: other, ...count }] : [];
      })
      .sort(
        (a, b) =>
          b.statements - a.statements ||
          b.briefings - a.briefings ||
          a.party.name.localeCompare(b.party.name),
      )
      .slice(0, limit);
  }
}
