/**
 * "Did you mean" and autocomplete over party names. Names are folded once up front; a query is compared
 * by prefix first (what autocomplete wants), then by typo distance (what "did you mean" wants). It runs on
 * every keystroke, so the typo pass only looks at names that begin like the query.
 */
import { fold } from './fold.js';
import type { Party } from './model.js';

interface SuggestName {
  party: Party;
  folded: string;
  /** Starts of the later words, so `korea` finds `North Korea`. */
  wordStarts: number[];
  isCanonical: boolean;
}

function wordStarts(folded: string): number[] {
  const starts: number[] = [];
  for (let i = 1; i < folded.length; i++) {
    if (/[a-z0-9]/.test(folded[i] ?? '') && !/[a-z0-9]/.test(folded[i - 1] ?? '')) starts.push(i);
  }
  return starts;
}

// Rows of the distance table, reused: a query is short, and suggestions run one at a time.
let rowBefore = new Int32Array(64);
let rowPrevious = new Int32Array(64);
let rowCurrent = new Int32Array(64);

/** Damerau-Levenshtein (optimal string alignment) distance, giving up above `max`. */
export function typoDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (rowPrevious.length <= b.length) {
    rowBefore = new Int32Array(b.length + 1);
    rowPrevious = new Int32Array(b.length + 1);
    rowCurrent = new Int32Array(b.length + 1);
  }
  let before = rowBefore;
  let previous = rowPrevious;
  let current = rowCurrent;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    const charA = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const charB = b.charCodeAt(j - 1);
      let value = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (charA === charB ? 0 : 1),
      );
      if (i > 1 && j > 1 && charA === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === charB) {
        value = Math.min(value, before[j - 2]! + 1);
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    const spare = before;
    before = previous;
    previous = current;
    current = spare;
  }
  return previous[b.length]!;
}

function allowedTypos(length: number): number {
  return length < 4 ? 0 : length < 8 ? 1 : 2;
}

export class PartySuggester {
  private readonly names: SuggestName[] = [];

  constructor(parties: readonly Party[]) {
    for (const party of parties) {
      const seen = new Set<string>();
      const names = [party.name, ...party.aliases, ...(party.laterAliases ?? [])];
      for (const [index, name] of names.entries()) {
        const folded = fold(name).trim();
        if (!folded || seen.has(folded)) continue;
        seen.add(folded);
        this.names.push({ party, folded, wordStarts: wordStarts(folded), isCanonical: index === 0 });
      }
    }
  }

  suggest(query: string, limit = 10): Party[] {
    const folded = fold(query).trim();
    if (!folded || limit <= 0) return [];
    // Lower is better: an exact name, then the canonical name before an alias, a name's start before a later word's.
    const scored = new Map<Party, number>();
    const offer = (party: Party, score: number) => {
      const known = scored.get(party);
      if (known === undefined || score < known) scored.set(party, score);
    };
    for (const name of this.names) {
      const aliasPenalty = name.isCanonical ? 0 : 2;
      if (name.folded === folded) offer(name.party, 0);
      else if (name.folded.startsWith(folded)) offer(name.party, 1 + aliasPenalty);
      else {
        for (const start of name.wordStarts) {
          if (name.folded.startsWith(folded, start)) {
            offer(name.party, 2 + aliasPenalty);
            break;
          }
        }
      }
    }
    const typos = allowedTypos(folded.length);
    if (scored.size < limit && typos > 0) this.offerTypos(folded, typos, scored, offer);
    return [...scored.entries()]
      .sort(
        ([a, scoreA], [b, scoreB]) =>
          scoreA - scoreB || a.name.length - b.name.length || a.name.localeCompare(b.name),
      )
      .slice(0, limit)
      .map(([party]) => party);
  }

  /** Names within `typos` edits of the query, whole or as far as the query goes (a half-typed typo). */
  private offerTypos(
    folded: string,
    typos: number,
    scored: Map<Party, number>,
    offer: (party: Party, score: number) => void,
  ): void {
    const first = folded.charCodeAt(0);
    const second = folded.charCodeAt(1);
    for (const name of this.names) {
      if (scored.has(name.party)) continue;
      // A first letter typed wrong is rare; checking it first keeps the pass cheap (swapped first two letters still count).
      const nameFirst = name.folded.charCodeAt(0);
      if (nameFirst !== first && nameFirst !== second) continue;
      const whole = typoDistance(folded, name.folded, typos);
      const start =
        name.folded.length > folded.length
          ? typoDistance(folded, name.folded.slice(0, folded.length), typos)
          : whole;
      const distance = Math.min(whole, start);
      // A whole-name typo ranks before a typo in a name's start, and a canonical name before an alias.
      const partial = whole > distance ? 1 : 0;
      if (distance <= typos) offer(name.party, 10 + distance * 4 + partial * 2 + (name.isCanonical ? 0 : 1));
    }
  }
}
