/** Autocomplete answers, from memory: Discord gives 3 s and they cannot be deferred. */
import type { Briefing } from '../briefing/model.js';
import { LIMITS } from '../message/limits.js';
import { briefingChoiceValue } from './briefing-key.js';

export interface Choice {
  name: string;
  value: string;
}

const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Its value is the id, or for an id past Discord's 100 characters the key Library.find knows it by. */
export function briefingChoice(briefing: Briefing): Choice {
  return {
    name: clip(`${briefing.date} · ${briefing.title}`, LIMITS.choiceName),
    value: briefingChoiceValue(briefing.id),
  };
}

interface Entry {
  briefing: Briefing;
  text: string;
}

/** Briefing ids and titles by prefix, then by substring, then by a one-letter typo; newest first within each. */
export class BriefingCompleter {
  private readonly entries: Entry[];
  /** Each word of an id or title (and each whole id), with the entries holding it, newest first. */
  private readonly postings = new Map<string, number[]>();
  private readonly sortedWords: string[];
  /** Words a typo can be forgiven in: numbers and ids are typed exactly. */
  private readonly typoWords: string[];

  /** `briefings` newest first. */
  constructor(private readonly briefings: readonly Briefing[]) {
    this.entries = briefings.map((briefing, index) => {
      const id = fold(briefing.id);
      const text = fold(`${briefing.id} ${briefing.title}`);
      for (const word of new Set([id, ...text.split(/[^\p{L}\p{N}]+/u)])) {
        if (!word) continue;
        const list = this.postings.get(word);
        if (list) list.push(index);
        else this.postings.set(word, [index]);
      }
      return { briefing, text };
    });
    this.sortedWords = [...this.postings.keys()].sort();
    this.typoWords = this.sortedWords.filter((word) => word.length >= 4 && !/\d/.test(word));
  }

  complete(typed: string, limit: number = LIMITS.autocompleteChoices): Choice[] {
    return this.closest(typed, limit).map(briefingChoice);
  }

  /** The briefings complete offers, best first. */
  closest(typed: string, limit: number = LIMITS.autocompleteChoices): Briefing[] {
    const query = fold(typed.trim());
    if (!query) return this.briefings.slice(0, limit);
    const picked = new Set<number>();
    this.byPrefix(query, limit, picked);
    // Several words are matched as a phrase anywhere in the id or title ("talks on gr").
    if (picked.size < limit && /\s/.test(query))
      this.scan(picked, limit, (entry) => entry.text.includes(query));
    if (picked.size < limit && query.length >= 4) {
      const close = this.typoWords.filter((word) => withinOneEdit(word.slice(0, query.length), query));
      this.addNewest(close, limit, picked);
    }
    return [...picked].map((index) => this.entries[index]!.briefing);
  }

  /** Entries with a word (or id) starting with the query, from the sorted word list. */
  private byPrefix(query: string, limit: number, picked: Set<number>): void {
    let low = 0;
    let high = this.sortedWords.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.sortedWords[middle]! < query) low = middle + 1;
      else high = middle;
    }
    const words: string[] = [];
    for (let index = low; this.sortedWords[index]?.startsWith(query); index++)
      words.push(this.sortedWords[index]!);
    this.addNewest(words, limit, picked);
  }

  /**
   * The newest entries holding any of the words, up to the limit. Postings are newest first, so each list is
   * read only while it can still beat the newest `limit` found so far: a one-letter prefix costs a glance per word.
   */
  private addNewest(words: readonly string[], limit: number, picked: Set<number>): void {
    const room = limit - picked.size;
    if (room <= 0) return;
    let best: number[] = [];
    let worst = Number.POSITIVE_INFINITY;
    for (const word of words) {
      for (const index of this.postings.get(word) ?? []) {
        if (index >= worst) break;
        if (!picked.has(index)) best.push(index);
      }
      // Trimmed now and then, not per word: the newest `room` so far set the bar for the rest.
      if (best.length >= 2 * room) {
        best = [...new Set(best)].sort((a, b) => a - b).slice(0, room);
        if (best.length === room) worst = best[room - 1]!;
      }
    }
    for (const index of [...new Set(best)].sort((a, b) => a - b).slice(0, room)) picked.add(index);
  }

  /** Entries in age order that pass the test, up to the limit. */
  private scan(picked: Set<number>, limit: number, test: (entry: Entry) => boolean): void {
    for (let index = 0; index < this.entries.length && picked.size < limit; index++) {
      if (!picked.has(index) && test(this.entries[index]!)) picked.add(index);
    }
  }
}

/** Levenshtein distance at most 1, without building a matrix: the hot path of fuzzy autocomplete. */
export function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}
