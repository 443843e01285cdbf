/**
 * Whether one of the parties asked about is the one acting in a clause: the subject of its predicate
 * (`the Kremlin said`, `Russia's foreign ministry said`, `France, Germany and the UK warned`), the agent of a
 * passive (`was rejected by Moscow`), or the source in `according to X`. A party after the verb, or inside a
 * prepositional phrase of the subject (`talks with Russia`), is only mentioned.
 */
import type { Clause, Predicate } from './clauses.js';
import type { PlacedMention, Tok } from './text-tokens.js';

/** Prepositions that leave a party inside the subject its own: `the foreign minister of Russia`. */
const OWNING = new Set(['of', "'s", '’s']);

export interface Actor {
  mention: PlacedMention;
  /** The actor as written: the name, with a leading `the` and an owned noun phrase (`Russia's foreign ministry`). */
  text: string;
}

export function subjectActor(
  text: string,
  tokens: readonly Tok[],
  predicate: Predicate,
  mentions: readonly PlacedMention[],
): Actor | null {
  const subject = predicate.subject;
  for (let index = 0; index < subject.length; index++) {
    const token = tokens[subject[index]!]!;
    const mention = mentions[token.mention];
    if (!mention?.ours || mention.first !== subject[index]) continue;
    if (governedBefore(tokens, subject, index)) continue;
    return { mention, text: actorText(text, tokens, mention, predicate.groupStart) };
  }
  return null;
}

/** A preposition or verb before the name in its part of the subject makes it an object there. */
function governedBefore(tokens: readonly Tok[], subject: number[], index: number): boolean {
  for (let back = index - 1; back >= 0; back--) {
    const at = subject[back]!;
    // A gap in the subject's indexes is a comma or an aside: a new part of the subject begins after it.
    if (subject[back + 1]! - at > 1) return false;
    const token = tokens[at]!;
    if (token.mention >= 0) continue;
    if ((token.pos === 'ADP' && !OWNING.has(token.lower)) || token.pos === 'VERB') return true;
  }
  return false;
}

/** `was endorsed by the European Union`: the party after `by` is the actor of a passive. */
export function passiveActor(
  text: string,
  tokens: readonly Tok[],
  clause: Clause,
  predicate: Predicate,
  mentions: readonly PlacedMention[],
): Actor | null {
  for (let at = predicate.head + 1; at < Math.min(clause.to, predicate.head + 3); at++) {
    if (tokens[at]!.lower !== 'by') continue;
    return partyAfter(text, tokens, at + 1, clause.to, mentions);
  }
  return null;
}

/** `according to Russia's foreign ministry`, anywhere in the statement. */
export function accordingToActor(
  text: string,
  tokens: readonly Tok[],
  mentions: readonly PlacedMention[],
): Actor | null {
  for (let at = 0; at + 1 < tokens.length; at++) {
    if (tokens[at]!.lower !== 'according' || tokens[at + 1]!.lower !== 'to' || tokens[at]!.quote >= 0)
      continue;
    const actor = partyAfter(text, tokens, at + 2, tokens.length, mentions);
    if (actor) return actor;
  }
  return null;
}

/** Our party at the head of the noun phrase starting at `from` (after an article or a title). */
function partyAfter(
  text: string,
  tokens: readonly Tok[],
  from: number,
  to: number,
  mentions: readonly PlacedMention[],
): Actor | null {
  for (let at = from; at < Math.min(to, from + 4); at++) {
    const token = tokens[at]!;
    const mention = mentions[token.mention];
    if (mention) {
      return mention.ours ? { mention, text: actorText(text, tokens, mention, to) } : null;
    }
    if (!/^(DET|ADJ|NOUN|PROPN)$/.test(token.pos)) return null;
  }
  return null;
}

function actorText(text: string, tokens: readonly Tok[], mention: PlacedMention, limit: number): string {
  let start = mention.start;
  let end = mention.end;
  const before = tokens[mention.first - 1];
  if (before && before.lower === 'the') start = before.start;
  // `Russia's foreign ministry`: the possessive and the nouns it owns.
  const after = tokens[mention.last + 1];
  if (after && OWNING.has(after.lower) && after.lower !== 'of') {
    for (let at = mention.last + 2; at < Math.min(limit, mention.last + 5); at++) {
      const token = tokens[at]!;
      if (token.pos !== 'NOUN' && token.pos !== 'ADJ' && token.pos !== 'PROPN') break;
      end = token.end;
    }
  }
  return text.slice(start, end);
}
