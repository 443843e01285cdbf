/**
 * The public entry: whether the party (or a member) speaks or acts in a statement, and what it does there.
 * Parties are found by the registry's matcher, the grammar by the NLP library (nlp.ts), the stance by our
 * verb lexicon (lexicon.ts). Odd input (empty, huge, unbalanced quotes, other scripts) gives null, never a throw.
 */
import { matcherFor } from '../matcher.js';
import type { PartyRegistry } from '../registry.js';
import { type Actor, accordingToActor, passiveActor, subjectActor } from './actor.js';
import { type Clause, type Predicate, predicateOf, splitClauses } from './clauses.js';
import { complementStance } from './complement.js';
import {
  conditionAt,
  FUTURE_MODALS,
  isNoIntention,
  isSpeechVerb,
  isStopShort,
  joinsEvent,
  negated,
  PARTICLES,
  READINESS,
  READY,
  verbStance,
} from './lexicon.js';
import { shortLine } from './line.js';
import type { StanceItem, StanceKind } from './model.js';
import { type Analyser, winkAnalyser } from './nlp.js';
import { findQuotes, quoteWords } from './quotes.js';
import { type PlacedMention, placeMentions, placeTokens, type Span, type Tok } from './text-tokens.js';

export type { StanceItem, StanceKind } from './model.js';

/** Statements are a bullet or a sentence; past this many characters the rest is not read. */
const READ_LIMIT = 600;

export function classifyStatement(
  text: string,
  partyIds: ReadonlySet<string>,
  registry: PartyRegistry,
): StanceItem | null {
  return classifyWith(text, partyIds, registry, winkAnalyser);
}

/** classifyStatement with another NLP library under it: for measuring one against another. */
export function classifyWith(
  text: string,
  partyIds: ReadonlySet<string>,
  registry: PartyRegistry,
  analyse: Analyser,
): StanceItem | null {
  try {
    if (typeof text !== 'string' || partyIds.size === 0) return null;
    const read = text.length > READ_LIMIT ? text.slice(0, READ_LIMIT) : text;
    const mentions = placeMentions(read, matcherFor(registry).mentions(read), partyIds);
    if (!mentions.some((mention) => mention.ours)) return null;
    const quotes = findQuotes(read);
    const tokens = placeTokens(read, analyse, quotes, mentions);
    const found = stanceOf(read, tokens, quotes, mentions);
    if (!found) return null;
    const item: StanceItem = { kind: found.kind, line: shortLine(text), actor: found.actor.text };
    if (found.quote) {
      const speaker = read.slice(found.actor.mention.start, found.actor.mention.end);
      item.quote = { speaker, words: found.quote };
    }
    return item;
  } catch {
    return null;
  }
}

interface Found {
  kind: StanceKind;
  actor: Actor;
  quote?: string;
}

function stanceOf(text: string, tokens: Tok[], quotes: Span[], mentions: PlacedMention[]): Found | null {
  for (const clause of splitClauses(tokens)) {
    const predicate = predicateOf(tokens, clause);
    if (!predicate) continue;
    const actor = predicate.passive
      ? passiveActor(text, tokens, clause, predicate, mentions)
      : subjectActor(text, tokens, predicate, mentions);
    if (!actor) continue;
    const kind = predicateStance(tokens, clause, predicate, mentions, quotes, actor);
    if (kind) return { kind, actor, ...quoteOf(text, tokens, clause, predicate, quotes) };
  }
  const source = accordingToActor(text, tokens, mentions);
  return source ? { kind: 'says', actor: source } : null;
}

function predicateStance(
  tokens: Tok[],
  clause: Clause,
  predicate: Predicate,
  mentions: PlacedMention[],
  quotes: Span[],
  actor: Actor,
): StanceKind | undefined {
  for (
    let head = predicate.head;
    head >= 0 && head < clause.to;
    head = nextCoordinatedVerb(tokens, clause, head)
  ) {
    const token = tokens[head]!;
    const negation = head === predicate.head && predicate.negated;
    const phrase = phraseStance(tokens, clause, head);
    if (phrase) return negation ? negated(phrase) : phrase;
    if (predicate.copula && head === predicate.head) {
      const kind = copulaStance(tokens, head, clause);
      if (kind) return predicate.negated ? negated(kind) : kind;
      continue;
    }
    const particle = tokens[head + 1];
    const phrasal = particle && PARTICLES.has(particle.lower) ? particle.lower : undefined;
    const kind = verbStance(token.lemma, token.lower, phrasal);
    if (!kind) {
      // `will not attend`, `would never pay`: a refusal declared, whatever the verb.
      if (negation && !predicate.passive && futureGroup(tokens, predicate)) return 'refuses';
      continue;
    }
    // `joined the talks`, `welcomed Pashinyan to Baku`: a meeting or a visit, no stance.
    if (kind === 'agreed' && (joinsEvent(tokens, head, clause.to) || welcomesGuest(tokens, head))) continue;
    if (negation) return negated(kind);
    // `would accept the monitors if ...`: an acceptance on a condition is what the party wants.
    if (kind === 'agreed' && hasCondition(tokens, head + 1, clause.to)) return 'wants';
    if (kind !== 'says' || !isSpeechVerb(token.lemma)) return kind;
    const [from, to] = complementRange(tokens, clause, head, quotes, actor);
    return complementStance(tokens, from, to, mentions, token.lemma);
  }
  return undefined;
}

/** Stances carried by a phrase after the verb: `has no intention of`, `stopped short of`, `signalled readiness to`. */
function phraseStance(tokens: Tok[], clause: Clause, head: number): StanceKind | undefined {
  if (isStopShort(tokens, head)) return 'refuses';
  for (let at = head + 1; at < Math.min(clause.to, head + 3); at++) {
    const token = tokens[at]!;
    if (isNoIntention(tokens, at)) return 'refuses';
    if (READINESS.has(token.lower) && tokens[at + 1]?.lower === 'to') return 'wants';
    if (token.pos === 'VERB' || token.pos === 'NOUN' || token.pos === 'PROPN') return undefined;
  }
  return undefined;
}

/** A future modal in the verb group: `will not`, `would never`, `won't`. */
function futureGroup(tokens: Tok[], predicate: Predicate): boolean {
  for (let at = predicate.groupStart; at < predicate.head; at++)
    if (FUTURE_MODALS.has(tokens[at]!.lower)) return true;
  return false;
}

/** A condition in the rest of the clause, outside quotes. */
function hasCondition(tokens: Tok[], from: number, to: number): boolean {
  for (let at = from; at < to; at++) if (tokens[at]!.quote < 0 && conditionAt(tokens, at) > 0) return true;
  return false;
}

/** `welcomed Pashinyan to Baku`: a party right after `welcome` (not its `'s`) is a guest. */
function welcomesGuest(tokens: Tok[], head: number): boolean {
  if (tokens[head]!.lemma !== 'welcome') return false;
  let at = head + 1;
  if (tokens[at]?.lower === 'the') at++;
  const first = tokens[at];
  if (!first || first.mention < 0) return false;
  let last = at;
  while (tokens[last + 1]?.mention === first.mention) last++;
  const after = tokens[last + 1]?.lower;
  return after !== "'s" && after !== '’s';
}

/** `is ready to`, `was opposed to`: a stance carried by the adjective after a copula. */
function copulaStance(tokens: Tok[], head: number, clause: Clause): StanceKind | undefined {
  const next = tokens[head + 1];
  if (!next || head + 1 >= clause.to) return undefined;
  if (READY.has(next.lower) && tokens[head + 2]?.lower === 'to') return 'wants';
  if (next.lower === 'opposed' || next.lower === 'against') return 'refuses';
  return undefined;
}

/** `rejected the demand and said ...`: the next verb after `and` that shares the subject; -1 when none. */
function nextCoordinatedVerb(tokens: Tok[], clause: Clause, head: number): number {
  for (let at = head + 1; at + 1 < clause.to; at++) {
    const token = tokens[at]!;
    if (token.quote >= 0) continue;
    if (token.lower !== 'and') continue;
    const next = tokens[at + 1]!;
    if (next.pos === 'VERB' && next.mention < 0) return at + 1;
  }
  return -1;
}

/** The speaker's reported words: what follows the verb, or the quote that opens the statement. */
function complementRange(
  tokens: Tok[],
  clause: Clause,
  head: number,
  quotes: Span[],
  actor: Actor,
): [number, number] {
  const opening = quotes[0];
  if (opening && opening.end <= actor.mention.start) {
    const inside = tokens.flatMap((token, index) => (token.quote === 0 ? [index] : []));
    if (inside.length > 0) return [inside[0]!, inside[inside.length - 1]! + 1];
  }
  let from = head + 1;
  // `told reporters that ...`, `told European leaders in Munich that ...`: the reported words begin at `that`.
  // A verb before it means the words have begun: `would resume deliveries provided that ...`.
  for (let at = from; at < Math.min(clause.to, head + 8); at++) {
    const token = tokens[at]!;
    if (token.pos === 'VERB' || token.pos === 'AUX') break;
    if (token.lower === 'that' && token.pos === 'SCONJ') {
      from = at + 1;
      break;
    }
  }
  return [from, clause.to];
}

/** A quote the actor speaks: the one opening the statement, or the first within what it said. */
function quoteOf(
  text: string,
  tokens: Tok[],
  clause: Clause,
  predicate: Predicate,
  quotes: Span[],
): { quote?: string } {
  const verb = tokens[predicate.head]!;
  if (quotes.length === 0 || !(isSpeechVerb(verb.lemma) || verb.lemma === 'call')) return {};
  const subjectStart = tokens[predicate.subject[0] ?? predicate.groupStart]!.start;
  const clauseEnd = tokens[clause.to - 1]!.end;
  const quote =
    quotes.find((span) => span.end <= subjectStart) ??
    quotes.find((span) => span.start >= verb.end && span.end <= clauseEnd);
  const words = quote ? quoteWords(text, quote) : '';
  return words ? { quote: words } : {};
}
