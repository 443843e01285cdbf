/**
 * Finds the parties a sentence mentions in one pass over its words. Every name of the registry is indexed
 * by its first word; at each word the longest name that fits wins and the words it covers are used up,
 * so `Papua New Guinea` is not also `Guinea` and `Nigeria` is never `Niger`.
 */
import { CAPITALISED_ONLY, NOT_PARTIES } from './data/country-adjustments.js';
import { fold } from './fold.js';
import type { PartyRegistry } from './registry.js';
import {
  DOTTED,
  HASH_BITS,
  JOINED,
  NON_ASCII,
  rawWord,
  readWord,
  type Token,
  tokenize,
  Word,
  wordHash,
} from './tokens.js';

/** How a name must be spelled in the text to count. */
type CaseRule =
  /** `US`, `UN`, `WHO`: short all-capital codes, which are also ordinary words in lowercase. */
  | 'exact'
  /** `Turkey`, `China`, `Polish`: names that are common words when written in lowercase. */
  | 'capitalised'
  | 'any';

interface IndexedName {
  /** Folded keys of the words after the first. */
  rest: string[];
  /** The first word as written, for `exact`. */
  firstRaw: string;
  rule: CaseRule;
  /** Null for phrases that only stop a shorter name from matching (`New Mexico`). */
  partyId: string | null;
}

export interface Mention {
  partyId: string;
  /** Index of the first word and number of words, among the text's words. */
  start: number;
  length: number;
}

function caseRule(text: string, tokens: Token[]): CaseRule {
  const only = tokens.length === 1 ? tokens[0] : undefined;
  if (only && only.raw.length <= 3 && /^[A-Z0-9]+$/.test(only.raw) && /[A-Z]/.test(only.raw)) return 'exact';
  if (CAPITALISED_ONLY.has(text.toLowerCase())) return 'capitalised';
  return 'any';
}

export class MentionMatcher {
  /** First word's key -> names starting with it, longest first. */
  private readonly byFirstWord = new Map<string, IndexedName[]>();
  /** Hashes of every indexed first word: most words of a sentence begin no name and are passed over. */
  private readonly firstWordHashes = new Uint8Array(1 << HASH_BITS);
  /** Scratch space for one text at a time: the current word and the words read ahead of it. */
  private readonly word = new Word();
  private readonly ahead: Word[] = [];
  private readonly aheadKeys: (string | undefined)[] = [];

  constructor(registry: PartyRegistry) {
    for (const name of registry.names()) this.add(name.text, name.partyId);
    for (const phrase of NOT_PARTIES) this.add(phrase, null);
    for (const names of this.byFirstWord.values()) names.sort((a, b) => b.rest.length - a.rest.length);
  }

  private add(text: string, partyId: string | null): void {
    let tokens = tokenize(text);
    // `The Netherlands` is found as `Netherlands`: a leading article would send every `the` down the slow road.
    if (tokens.length > 1 && tokens[0]?.key === 'the') tokens = tokens.slice(1);
    const first = tokens[0];
    if (!first) return;
    const entry: IndexedName = {
      rest: tokens.slice(1).map((token) => token.key),
      firstRaw: first.raw,
      rule: caseRule(text, tokens),
      partyId,
    };
    const names = this.byFirstWord.get(first.key);
    if (names) names.push(entry);
    else this.byFirstWord.set(first.key, [entry]);
    this.firstWordHashes[wordHash(first.key)] = 1;
  }

  /** Every mention in reading order. */
  mentions(text: string): Mention[] {
    const found: Mention[] = [];
    const word = this.word;
    let index = 0;
    for (let at = 0; readWord(text, at, word); ) {
      at = word.next;
      // A word beyond ASCII may fold to another spelling, and a dotted abbreviation's key is its letters
      // without the stops: those always take the exact lookup.
      if ((word.flags & (NON_ASCII | DOTTED)) === 0 && this.firstWordHashes[word.hash] === 0) {
        index++;
        continue;
      }
      const matched = this.longestAt(text, word);
      if (!matched) {
        index++;
        continue;
      }
      const words = matched.rest.length + 1;
      if (matched.partyId !== null) found.push({ partyId: matched.partyId, start: index, length: words });
      if (words > 1) at = this.ahead[words - 2]!.next;
      index += words;
    }
    return found;
  }

  /** Ids of the parties the text mentions, each once, in order of first mention. */
  partyIds(text: string): string[] {
    const ids: string[] = [];
    this.collectPartyIds(text, ids);
    return ids;
  }

  /** Like partyIds, into `into` (cleared first): lets a caller indexing many texts reuse one array. */
  collectPartyIds(text: string, into: string[]): void {
    into.length = 0;
    for (const mention of this.mentions(text))
      if (!into.includes(mention.partyId)) into.push(mention.partyId);
  }

  /** The longest name starting at `word`, reading the words after it only as far as a name needs. */
  private longestAt(text: string, word: Word): IndexedName | undefined {
    const names = this.byFirstWord.get(fold(rawWord(text, word)));
    if (!names) return undefined;
    let read = 0;
    for (const name of names) {
      if (name.rule === 'exact' && rawWord(text, word) !== name.firstRaw) continue;
      if (name.rule === 'capitalised') {
        const first = text.charAt(word.start);
        if (first === first.toLowerCase()) continue;
      }
      const needed = name.rest.length;
      for (; read < needed; read++) {
        if (!readWord(text, read === 0 ? word.next : this.ahead[read - 1]!.next, this.aheadWord(read))) break;
        this.aheadKeys[read] = undefined;
      }
      if (read < needed) continue;
      let fits = true;
      for (let k = 0; k < needed && fits; k++) {
        const next = this.ahead[k]!;
        fits = (next.flags & JOINED) !== 0 && this.aheadKey(text, k) === name.rest[k];
      }
      if (fits) return name;
    }
    return undefined;
  }

  private aheadWord(index: number): Word {
    let word = this.ahead[index];
    if (!word) {
      word = new Word();
      this.ahead[index] = word;
    }
    return word;
  }

  private aheadKey(text: string, index: number): string {
    let key = this.aheadKeys[index];
    if (key === undefined) {
      key = fold(rawWord(text, this.ahead[index]!));
      this.aheadKeys[index] = key;
    }
    return key;
  }
}

const matchers = new WeakMap<PartyRegistry, MentionMatcher>();

/** The registry's matcher, built on first use. */
export function matcherFor(registry: PartyRegistry): MentionMatcher {
  let matcher = matchers.get(registry);
  if (!matcher) {
    matcher = new MentionMatcher(registry);
    matchers.set(registry, matcher);
  }
  return matcher;
}
