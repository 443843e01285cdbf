/**
 * The statement's clauses and, in each, its predicate (the verb group of the main clause) and its subject.
 * Quoted words are passed over: a quote is what someone said, never who said it. Leading adverbials
 * ("After the talks,", "On Monday,") and parenthetical comma blocks ("Germany, whose carmakers ..., opposed")
 * are no part of the subject and hold no predicate.
 */
import { isSpeechVerb } from './lexicon.js';
import type { Tok } from './text-tokens.js';

export interface Clause {
  /** Token range [from, to). */
  from: number;
  to: number;
}

export interface Predicate {
  /** Token indexes of the subject (outside adverbials and parentheticals). */
  subject: number[];
  /** First token of the verb group, and its head verb (the last AUX of a copula). */
  groupStart: number;
  head: number;
  /** Tokens of the group between start and head: auxiliaries, negations, adverbs. */
  negated: boolean;
  passive: boolean;
  copula: boolean;
}

const RELATIVES = new Set(['who', 'which', 'whose', 'whom', 'where', 'when']);
const CONTRASTS = new Set(['but', 'while', 'whereas', 'although', 'though']);
const GROUP_ADVERBS = new Set([
  'also',
  'again',
  'reportedly',
  'later',
  'then',
  'still',
  'yet',
  'already',
  'once',
]);
const NEGATION_WORDS = new Set(['not', "n't", 'never']);

function isVerb(token: Tok): boolean {
  return token.mention < 0 && (token.pos === 'VERB' || token.pos === 'AUX');
}

/** Splits at semicolons, at `, but` / `, while` / `, and`, and before a closing attribution (`, officials said.`). */
export function splitClauses(tokens: readonly Tok[]): Clause[] {
  const clauses: Clause[] = [];
  let from = 0;
  for (let at = 0; at < tokens.length; at++) {
    const token = tokens[at]!;
    if (token.quote >= 0) continue;
    const previous = tokens[at - 1];
    const boundary =
      token.lower === ';' ||
      (previous?.lower === ',' &&
        previous.quote < 0 &&
        (CONTRASTS.has(token.lower) || token.lower === 'and') &&
        at + 1 < tokens.length) ||
      (token.lower === ',' && isClosingAttribution(tokens, at + 1));
    if (!boundary) continue;
    if (at > from) clauses.push({ from, to: at });
    from = at + 1;
  }
  if (from < tokens.length) clauses.push({ from, to: tokens.length });
  return clauses;
}

/** `the White House said.`, `EU officials said on Monday.`: a noun phrase, a speech verb, nothing clausal after. */
function isClosingAttribution(tokens: readonly Tok[], from: number): boolean {
  let at = from;
  let nouns = 0;
  for (; at < tokens.length && !isVerb(tokens[at]!); at++) {
    const token = tokens[at]!;
    if (token.quote >= 0 || !/^(DET|ADJ|NOUN|PROPN|PART|NUM)$/.test(token.pos)) return false;
    if (token.pos === 'NOUN' || token.pos === 'PROPN') nouns++;
  }
  const verb = tokens[at];
  if (!verb || nouns === 0 || !isSpeechVerb(verb.lemma)) return false;
  for (let rest = at + 1; rest < tokens.length; rest++) {
    const token = tokens[rest]!;
    if (token.lower === ',' || token.lower === ';' || token.lower === 'that') return false;
  }
  return true;
}

/** The index after the next comma outside quotes before `to`, or -1. */
function afterNextComma(tokens: readonly Tok[], from: number, to: number): number {
  for (let at = from; at < to; at++) {
    const token = tokens[at]!;
    if (token.quote < 0 && token.lower === ',') return at + 1;
  }
  return -1;
}

/** Whether the segment starting at `at` is an adverbial or parenthetical rather than part of the subject. */
function isAsideStart(
  tokens: readonly Tok[],
  at: number,
  segmentIsFirst: boolean,
  subjectSoFar: number,
): boolean {
  const token = tokens[at]!;
  if (token.mention >= 0) return false;
  if (RELATIVES.has(token.lower)) return true;
  // `Speaking in Moscow, Putin said`, `Peskov, speaking to reporters, said`, `Armenia, backed by France,
  // rejected`; but `Germany, whose ..., opposed`.
  if (token.pos === 'VERB')
    return subjectSoFar === 0 || token.lower.endsWith('ing') || tokens[at + 1]?.lower === 'by';
  return segmentIsFirst && (token.pos === 'ADP' || token.pos === 'SCONJ');
}

export function predicateOf(tokens: readonly Tok[], clause: Clause): Predicate | null {
  const subject: number[] = [];
  let segmentStart = true;
  let first = true;
  for (let at = clause.from; at < clause.to; at++) {
    const token = tokens[at]!;
    if (token.quote >= 0) continue;
    if (token.lower === ',') {
      segmentStart = true;
      first = false;
      continue;
    }
    if (segmentStart) {
      segmentStart = false;
      const next = isAsideStart(tokens, at, first, subject.length)
        ? afterNextComma(tokens, at, clause.to)
        : -1;
      if (next >= 0) {
        at = next - 1;
        segmentStart = true;
        continue;
      }
    }
    if (isVerb(token)) return verbGroup(tokens, clause, at, subject);
    subject.push(at);
  }
  return null;
}

function verbGroup(tokens: readonly Tok[], clause: Clause, start: number, subject: number[]): Predicate {
  let negated = false;
  let passive = false;
  let head = start;
  for (let at = start; at < clause.to; at++) {
    const token = tokens[at]!;
    if (NEGATION_WORDS.has(token.lower)) {
      negated = true;
      continue;
    }
    if (token.pos === 'AUX') {
      if (token.lemma === 'be' || token.lemma === 'get') passive = true;
      head = at;
      continue;
    }
    if (token.pos === 'VERB' && token.mention < 0) {
      // `has yet to accept`, `is pushing for`: the head is the verb after the auxiliaries.
      return {
        subject,
        groupStart: start,
        head: at,
        negated,
        passive: passive && isParticiple(token),
        copula: false,
      };
    }
    if (GROUP_ADVERBS.has(token.lower) || token.lower === 'to') continue;
    break;
  }
  return { subject, groupStart: start, head, negated, passive: false, copula: true };
}

/** A past participle after `be` makes a passive; `is pushing` does not. */
function isParticiple(token: Tok): boolean {
  return !token.lower.endsWith('ing');
}
