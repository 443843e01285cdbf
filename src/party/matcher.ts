/**
 * Finds the parties a sentence mentions in one pass over its words. Every name of the registry is indexed
 * by its first word; at each word the longest name that fits wins and the words it covers are used up,
 * so `Papua New Guinea` is not also `Guinea` and `Nigeria` is never `Niger`. A country's name inside a longer
 * proper name (`The Moscow Times`, see longer-name.ts) is used up without counting, and so is a later alias
 * (a common surname) whose party was not named before in the briefing.
 */
import { CAPITALISED_ONLY, NOT_PARTIES } from './data/country-adjustments.js';
import { fold } from './fold.js';
import { LongerNames, mayBeInLongerName } from './longer-name.js';
import { NamedSoFar } from './named-so-far.js';
import type { PartyRegistry } from './registry.js';
import {
  DOTTED,
  HASH_BITS,
  JOINED,
  NON_ASCII,
  rawWord,
  readPlainWord,
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
  /** `Turkey`, `China`, `Polish`, and people's names: names that are common words when written in lowercase. */
  | 'capitalised'
  | 'any';

interface FirstWord {
  key: string;
  /** Names starting with the word, longest first. */
  names: IndexedName[];
}

interface IndexedName {
  /** Folded keys of the words after the first. */
  rest: string[];
  /** The first word as written, for `exact`. */
  firstRaw: string;
  rule: CaseRule;
  /** Ordinal of the party; -1 for phrases that only stop a shorter name from matching (`New Mexico`). */
  party: number;
  /** What to do before the name counts (LATER, COUNTRY, NOTE); 0 for most names, which simply count. */
  checks: number;
}

/** Counts only once the party was named otherwise earlier in the briefing (a common surname). */
const LATER = 1;
/** A country's name, which may be part of a longer proper name. */
const COUNTRY = 2;
/** The party has later aliases: its mentions are noted in NamedSoFar. */
const NOTE = 4;

export interface Mention {
  partyId: string;
  /** Index of the first word and number of words, among the text's words. */
  start: number;
  length: number;
}

function caseRule(text: string, tokens: Token[], person: boolean): CaseRule {
  const only = tokens.length === 1 ? tokens[0] : undefined;
  if (only && only.raw.length <= 3 && /^[A-Z0-9]+$/.test(only.raw) && /[A-Z]/.test(only.raw)) return 'exact';
  if (CAPITALISED_ONLY.has(text.toLowerCase())) return 'capitalised';
  // People's names are written with a capital (`Truss`, `Xi`, not `truss`, `xi`), unless the alias is not.
  if (person && /^\p{Lu}/u.test(text)) return 'capitalised';
  return 'any';
}

export class MentionMatcher {
  /** First word's key -> names starting with it, longest first. */
  private readonly byFirstWord = new Map<string, IndexedName[]>();
  /** Parties by ordinal: a small number stands for a party where many are counted. */
  private readonly partyIdList: string[] = [];
  private readonly ordinals = new Map<string, number>();
  private readonly longerNames = new LongerNames();
  /** For a text read on its own: later aliases count after a full name in the same text. */
  private readonly namedInText: NamedSoFar;
  /** Hashes of every indexed first word: most words of a sentence begin no name and are passed over. */
  private readonly firstWordsByHash: (FirstWord[] | undefined)[] = new Array(1 << HASH_BITS);
  /** Scratch space for one text at a time: the current word and the words read ahead of it. */
  private readonly word = new Word();
  private readonly ahead: Word[] = [];
  private readonly aheadKeys: (string | undefined)[] = [];

  constructor(registry: PartyRegistry) {
    const parties = registry.all();
    for (const party of parties) {
      this.ordinals.set(party.id, this.partyIdList.length);
      this.partyIdList.push(party.id);
    }
    this.namedInText = new NamedSoFar(parties.length);
    const withLaterNames = new Set(registry.names().flatMap((name) => (name.later ? [name.partyId] : [])));
    for (const name of registry.names()) {
      const kind = registry.get(name.partyId)?.kind;
      const checks =
        (name.later ? LATER : 0) |
        (kind === 'country' ? COUNTRY : 0) |
        (withLaterNames.has(name.partyId) ? NOTE : 0);
      this.add(name.text, this.ordinals.get(name.partyId) ?? -1, checks, kind === 'person');
    }
    for (const phrase of NOT_PARTIES) this.add(phrase, -1, 0, false);
    for (const [key, names] of this.byFirstWord) {
      names.sort((a, b) => b.rest.length - a.rest.length);
      if (!/^[a-z0-9']+$/.test(key)) continue;
      const hash = wordHash(key);
      const bucket = this.firstWordsByHash[hash] ?? [];
      bucket.push({ key, names });
      this.firstWordsByHash[hash] = bucket;
    }
  }

  private add(text: string, party: number, checks: number, person: boolean): void {
    let tokens = tokenize(text);
    // `The Netherlands` is found as `Netherlands`: a leading article would send every `the` down the slow road.
    if (tokens.length > 1 && tokens[0]?.key === 'the') tokens = tokens.slice(1);
    const first = tokens[0];
    if (!first) return;
    const entry: IndexedName = {
      rest: tokens.slice(1).map((token) => token.key),
      firstRaw: first.raw,
      rule: caseRule(text, tokens, person),
      party,
      checks,
    };
    const names = this.byFirstWord.get(first.key);
    if (names) names.push(entry);
    else this.byFirstWord.set(first.key, [entry]);
  }

  /** Every mention in reading order. */
  mentions(text: string): Mention[] {
    const found: Mention[] = [];
    this.namedInText.clear();
    this.find(text, found, null, this.namedInText);
    return found;
  }

  /** Ids of the parties the text mentions, each once, in order of first mention. */
  partyIds(text: string): string[] {
    const ordinals: number[] = [];
    this.namedInText.clear();
    this.find(text, null, ordinals, this.namedInText);
    return ordinals.map((ordinal) => this.partyIdList[ordinal]!);
  }

  /**
   * Ordinals of the parties the text mentions, each once, into `into` (cleared first). `named`: the parties
   * named earlier in the same briefing, added to as the text names more; absent, the text stands alone.
   */
  collectOrdinals(text: string, into: number[], named?: NamedSoFar): void {
    into.length = 0;
    if (!named) this.namedInText.clear();
    this.find(text, null, into, named ?? this.namedInText);
  }

  /** Number of parties; ordinals run from 0 to this, less one. */
  get partyCount(): number {
    return this.partyIdList.length;
  }

  partyIdOf(ordinal: number): string | undefined {
    return this.partyIdList[ordinal];
  }

  ordinalOf(partyId: string): number | undefined {
    return this.ordinals.get(partyId);
  }

  /** One pass over the words of `text`, recording mentions, or only the parties' ordinals. */
  private find(text: string, mentions: Mention[] | null, ordinals: number[] | null, named: NamedSoFar): void {
    const word = this.word;
    let index = 0;
    for (let at = 0; readPlainWord(text, at, word) || readWord(text, at, word); ) {
      at = word.next;
      // Most words begin no name: no call for them.
      const names = this.namesStartingWith(text, word);
      const matched = names && this.longestAt(text, word, names);
      if (!matched) {
        index++;
        continue;
      }
      const words = matched.rest.length + 1;
      const party = matched.party;
      if (party >= 0 && (matched.checks === 0 || this.counts(text, matched, words, named))) {
        mentions?.push({ partyId: this.partyIdList[party]!, start: index, length: words });
        if (ordinals && !ordinals.includes(party)) ordinals.push(party);
      }
      if (words > 1) at = this.ahead[words - 2]!.next;
      index += words;
    }
  }

  /** Whether the name just matched at this.word, `words` long, is a mention of its party; notes it if so. */
  private counts(text: string, matched: IndexedName, words: number, named: NamedSoFar): boolean {
    const checks = matched.checks;
    if ((checks & LATER) !== 0 && !named.has(matched.party)) return false;
    if ((checks & COUNTRY) !== 0) {
      const last = words === 1 ? this.word : this.ahead[words - 2]!;
      // A possessive makes the name the country's own: `Russia's Central Bank`.
      const start = this.word.start;
      if (last.next === last.end && mayBeInLongerName(text, start, last.end)) {
        if (this.longerNames.contains(text, start, last)) return false;
      }
    }
    if ((checks & NOTE) !== 0) named.add(matched.party);
    return true;
  }

  /**
   * Names whose first word is `word`. A plain ASCII word is looked up by the hash its reading computed and
   * compared in place, so the many words that begin no name cost no string. A word beyond ASCII may fold
   * to another spelling, and a dotted abbreviation's key is its letters without the stops: those are folded.
   */
  private namesStartingWith(text: string, word: Word): IndexedName[] | undefined {
    if ((word.flags & (NON_ASCII | DOTTED)) !== 0) return this.byFirstWord.get(fold(rawWord(text, word)));
    const bucket = this.firstWordsByHash[word.hash];
    if (!bucket) return undefined;
    for (const candidate of bucket) {
      if (sameAsciiWord(text, word.start, word.end, candidate.key)) return candidate.names;
    }
    return undefined;
  }

  /** The longest name starting at `word`, reading the words after it only as far as a name needs. */
  private longestAt(text: string, word: Word, names: IndexedName[]): IndexedName | undefined {
    let read = 0;
    /** Whether the word starts without a capital: 1 yes, 0 no, -1 not looked at yet. */
    let uncapitalised = -1;
    for (const name of names) {
      if (name.rule === 'exact' && rawWord(text, word) !== name.firstRaw) continue;
      if (name.rule === 'capitalised') {
        if (uncapitalised < 0) uncapitalised = startsUncapitalised(text, word.start) ? 1 : 0;
        if (uncapitalised === 1) continue;
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

function startsUncapitalised(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code < 128) return code < 65 || code > 90;
  const first = text.charAt(at);
  return first === first.toLowerCase();
}

/** `text[start, end)` is `key` but for the case of ASCII letters (`key` is lowercase). */
function sameAsciiWord(text: string, start: number, end: number, key: string): boolean {
  if (end - start !== key.length) return false;
  for (let i = 0; i < key.length; i++) {
    const code = text.charCodeAt(start + i);
    if ((code >= 65 && code <= 90 ? code + 32 : code) !== key.charCodeAt(i)) return false;
  }
  return true;
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
