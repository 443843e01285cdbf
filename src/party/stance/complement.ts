/**
 * What a speaker's reported words amount to. `X said` is a statement, unless what it said is itself a
 * demand (`must`, `should`, `only if`, `is ready to`) or, when the speaker speaks of itself (`we`, `it`, its own
 * name), a refusal or an acceptance (`would never accept`, `would not give up`, `has agreed`). What a speaker
 * says of others (`"Russia does not want peace"`) stays a statement.
 */
import { CONDITIONS, MODALS_OF_DEMAND, NEGATIONS, negated, READY, verbStance } from './lexicon.js';
import type { StanceKind } from './model.js';
import type { PlacedMention, Tok } from './text-tokens.js';

/** `there` too: `there will be no deal without ...` is the speaker's own condition. */
const OWN_PRONOUNS = new Set(['we', 'i', 'it', 'they', 'he', 'she', 'our', 'there']);
/** How far back a negation still governs a verb: `would never again accept`. */
const NEGATION_REACH = 3;

export function complementStance(
  tokens: readonly Tok[],
  from: number,
  to: number,
  mentions: readonly PlacedMention[],
): StanceKind {
  const own = speaksOfItself(tokens, from, to, mentions);
  // Demands and conditions first: `would respect the halt only if ...` is a condition, not an acceptance.
  for (let at = from; at < to; at++) {
    const token = tokens[at]!;
    if (MODALS_OF_DEMAND.has(token.lower)) return 'wants';
    if (!own) continue;
    if (CONDITIONS.has(token.lower) || (token.lower === 'if' && tokens[at - 1]?.lower === 'only'))
      return 'wants';
    if (READY.has(token.lower) && tokens[at + 1]?.lower === 'to') return 'wants';
  }
  if (!own) return 'says';
  let negatedAt = -NEGATION_REACH - 1;
  let noAt = -1;
  for (let at = from; at < to; at++) {
    const token = tokens[at]!;
    if (token.lower === 'no') noAt = at;
    if (noAt >= 0 && (token.lower === 'without' || token.lower === 'until')) return 'refuses';
    if (NEGATIONS.has(token.lower)) {
      negatedAt = at;
      continue;
    }
    if (token.pos !== 'VERB' || token.mention >= 0) continue;
    const particle = tokens[at + 1]?.lower;
    const kind = verbStance(token.lemma, token.lower, particle);
    if (!kind || kind === 'says') continue;
    return at - negatedAt <= NEGATION_REACH ? negated(kind) : kind;
  }
  return negatedAt >= from && tokens[negatedAt]?.lower === 'never' ? 'refuses' : 'says';
}

/** Whether the reported clause's subject is the speaker: a pronoun, or a party asked about. */
function speaksOfItself(
  tokens: readonly Tok[],
  from: number,
  to: number,
  mentions: readonly PlacedMention[],
): boolean {
  for (let at = from; at < to; at++) {
    const token = tokens[at]!;
    if (token.lower === 'that' || token.pos === 'PUNCT' || token.pos === 'DET') continue;
    if (token.mention >= 0) return mentions[token.mention]!.ours;
    return OWN_PRONOUNS.has(token.lower);
  }
  return false;
}
