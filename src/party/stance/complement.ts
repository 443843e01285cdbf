/**
 * What a speaker's reported words amount to. `X said` is a statement, unless what it said is itself a
 * demand (`must`, `should`, `only if`, `is ready to`) or, when the speaker speaks of itself (`we`, `it`, its own
 * name, or `the bloc`, `the government` standing for it), a condition, a refusal or an acceptance. An offer on a
 * condition (`could give up its bid if ...`, `would lift the duties in return for ...`) is a want; `would never
 * accept`, `would not buy`, `has no intention of`, `nothing without a referendum` are refusals; `has agreed` is
 * an acceptance. What a speaker says of others (`"Russia does not want peace"`) stays a statement.
 */
import {
  CONDITIONS,
  conditionAt,
  FUTURE_MODALS,
  isNoIntention,
  MODALS_OF_DEMAND,
  NEGATIONS,
  negated,
  READY,
  THREATS,
  verbStance,
} from './lexicon.js';
import type { StanceKind } from './model.js';
import type { PlacedMention, Tok } from './text-tokens.js';

/** `there` too: `there will be no deal without ...` is the speaker's own condition. */
const OWN_PRONOUNS = new Set(['we', 'i', 'it', 'they', 'he', 'she', 'our', 'there']);
/**
 * Nouns that, after `the`, stand for a party named before: `the bloc would not buy`, `the government was
 * prepared to`. A speaker using one speaks of itself.
 */
export const BACK_REFERENCES = new Set([
  'bloc',
  'government',
  'ministry',
  'country',
  'administration',
  'group',
  'alliance',
  'union',
  'commission',
  'cabinet',
  'leadership',
  'presidency',
  'movement',
  'organisation',
  'organization',
]);
/** How far back a negation still governs a verb: `would never again accept`. */
const NEGATION_REACH = 3;

export function complementStance(
  tokens: readonly Tok[],
  from: number,
  to: number,
  mentions: readonly PlacedMention[],
  speechLemma = 'say',
): StanceKind {
  const own = speaksOfItself(tokens, from, to, mentions);
  const threat = THREATS.has(speechLemma);
  // Demands and conditions first: `would respect the halt only if ...` is a condition, not an acceptance.
  for (let at = from; at < to; at++) {
    const token = tokens[at]!;
    if (MODALS_OF_DEMAND.has(token.lower)) return 'wants';
    if (!own) continue;
    if (CONDITIONS.has(token.lower) || (token.lower === 'if' && tokens[at - 1]?.lower === 'only'))
      return 'wants';
    // `if` after a warning is a threat; the other conditions are an offer's terms.
    if (conditionAt(tokens, at) > 0 && !(threat && token.lower === 'if')) return 'wants';
    if (READY.has(token.lower) && tokens[at + 1]?.lower === 'to') return 'wants';
  }
  if (!own) return 'says';
  let negatedAt = -NEGATION_REACH - 1;
  let noAt = -1;
  let modalAt = -1;
  for (let at = from; at < to; at++) {
    const token = tokens[at]!;
    if (isNoIntention(tokens, at)) return 'refuses';
    if (token.lower === 'no' || token.lower === 'nothing') noAt = at;
    if (FUTURE_MODALS.has(token.lower)) modalAt = at;
    if ((noAt >= 0 || negatedAt >= from) && (token.lower === 'without' || token.lower === 'until'))
      return 'refuses';
    if (NEGATIONS.has(token.lower)) {
      negatedAt = at;
      continue;
    }
    if (token.pos !== 'VERB' || token.mention >= 0) continue;
    const particle = tokens[at + 1]?.lower;
    const kind = verbStance(token.lemma, token.lower, particle);
    const governed = at - negatedAt <= NEGATION_REACH;
    // `would not buy`, `will never pay`: a refusal declared, whatever the verb.
    if (!kind && governed && modalAt >= 0 && modalAt < negatedAt && !isPassive(tokens, at)) return 'refuses';
    if (!kind || kind === 'says') continue;
    if (governed || givesNothing(tokens, at)) return negated(kind);
    return kind;
  }
  return negatedAt >= from && tokens[negatedAt]?.lower === 'never' ? 'refuses' : 'says';
}

/** `had not been consulted`: a participle after `be` is something done to the speaker, not its will. */
function isPassive(tokens: readonly Tok[], at: number): boolean {
  const before = tokens[at - 1];
  return before?.pos === 'AUX' && before.lemma === 'be' && !tokens[at]!.lower.endsWith('ing');
}

/** `would give up nothing`: the verb's object is `nothing`. */
function givesNothing(tokens: readonly Tok[], at: number): boolean {
  for (let next = at + 1; next < Math.min(tokens.length, at + 3); next++)
    if (tokens[next]!.lower === 'nothing') return true;
  return false;
}

/** Whether the reported clause's subject is the speaker: a pronoun, a back-reference or a party asked about. */
function speaksOfItself(
  tokens: readonly Tok[],
  from: number,
  to: number,
  mentions: readonly PlacedMention[],
): boolean {
  for (let at = from; at < to; at++) {
    const token = tokens[at]!;
    if (token.lower === 'that' || token.pos === 'PUNCT') continue;
    if (token.pos === 'DET') {
      if (token.lower === 'the' && BACK_REFERENCES.has(tokens[at + 1]?.lower ?? '')) return true;
      continue;
    }
    if (token.mention >= 0) return mentions[token.mention]!.ours;
    return OWN_PRONOUNS.has(token.lower);
  }
  return false;
}
