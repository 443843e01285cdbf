/**
 * The parties one briefing names, as the index stores them: each party named in a statement (with the
 * statements naming it) or declared in the front matter. A report on a party gathers its members' too.
 */
import type { Briefing } from '../../briefing/model.js';
import { matcherFor } from '../../party/matcher.js';
import { NamedSoFar } from '../../party/named-so-far.js';
import type { PartyRegistry } from '../../party/registry.js';
import { type Statement, statementsOf } from '../../party/statements.js';

export interface MentionRow {
  party: string;
  /** Indexes into statementsOf(briefing), ascending: the statements naming the party. Empty: only declared. */
  statements: number[];
}

/** The briefing's mentions; `statements` is statementsOf(briefing), passed in when the caller has it. */
export function mentionsOf(
  briefing: Briefing,
  registry: PartyRegistry,
  statements: readonly Statement[] = statementsOf(briefing),
): MentionRow[] {
  const matcher = matcherFor(registry);
  const rows = new Map<string, MentionRow>();
  const row = (party: string) => {
    let found = rows.get(party);
    if (!found) {
      found = { party, statements: [] };
      rows.set(party, found);
    }
    return found;
  };
  // A common surname counts after its person's full name anywhere earlier in the same briefing.
  const named = new NamedSoFar(matcher.partyCount);
  const ordinals: number[] = [];
  statements.forEach((statement, index) => {
    matcher.collectOrdinals(statement.text, ordinals, named);
    for (const ordinal of ordinals) {
      const id = matcher.partyIdOf(ordinal);
      if (id !== undefined) row(id).statements.push(index);
    }
  });
  for (const name of briefing.parties) {
    const party = registry.resolve(name);
    if (party) row(party.id);
  }
  return [...rows.values()];
}

/**
 * The words a briefing's party document holds in the full-text table `party_docs`: `a<id>` for every party it
 * names or declares, `s<id>` for those named in a statement (a report lists only those). Ids are written in hex
 * so no id can be split by the tokenizer or read as query syntax.
 */
export const anyToken = (party: string) => `a${Buffer.from(party).toString('hex')}`;
export const statedToken = (party: string) => `s${Buffer.from(party).toString('hex')}`;

export function partyDocument(mentions: readonly MentionRow[]): string {
  return mentions
    .flatMap((mention) =>
      mention.statements.length
        ? [anyToken(mention.party), statedToken(mention.party)]
        : [anyToken(mention.party)],
    )
    .join(' ');
}

/**
 * The statements any mention names, stored beside the mentions as [index, section, text] triples: a party report
 * cites them without reading its briefings whole or splitting them into statements again.
 */
export function encodeCited(mentions: readonly MentionRow[], statements: readonly Statement[]): string {
  const indexes = new Set<number>();
  for (const mention of mentions) for (const index of mention.statements) indexes.add(index);
  return JSON.stringify(
    [...indexes]
      .sort((a, b) => a - b)
      .flatMap((index) => {
        const statement = statements[index];
        return statement ? [[index, statement.section, statement.text]] : [];
      }),
  );
}

export function decodeCited(json: string): Map<number, Statement> {
  return new Map(
    (JSON.parse(json) as [number, string, string][]).map(([index, section, text]) => [
      index,
      { section, text },
    ]),
  );
}

/** A briefing's mentions with the statements they cite, encoded as stored. */
export function storedMentions(
  briefing: Briefing,
  registry: PartyRegistry,
): { mentions: MentionRow[]; cited: string } {
  const statements = statementsOf(briefing);
  const mentions = mentionsOf(briefing, registry, statements);
  return { mentions, cited: encodeCited(mentions, statements) };
}

/** Stored per briefing: [party, statement indexes] pairs. */
export function encodeMentions(mentions: readonly MentionRow[]): string {
  return JSON.stringify(mentions.map((mention) => [mention.party, mention.statements]));
}

export function decodeMentions(json: string): MentionRow[] {
  return (JSON.parse(json) as [string, number[]][]).map(([party, statements]) => ({ party, statements }));
}
