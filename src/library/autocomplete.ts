/** Autocomplete answers, from memory: Discord gives 3 s and they cannot be deferred. */
import type { Briefing } from '../briefing/model.js';
import { LIMITS } from '../render/limits.js';

export interface Choice {
  name: string;
  value: string;
}

const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function briefingChoice(briefing: Briefing): Choice {
  return { name: clip(`${briefing.date} · ${briefing.title}`, LIMITS.choiceName), value: briefing.id };
}

interface Entry {
  briefing: Briefing;
  id: string;
  words: string[];
  text: string;
}

/** Briefing ids and titles by prefix, then by substring, then by a one-letter typo; newest first within each. */
export class BriefingCompleter {
  private readonly entries: Entry[];

  /** `briefings` newest first. */
  constructor(private readonly briefings: readonly Briefing[]) {
    this.entries = briefings.map((briefing) => {
      const text = fold(`${briefing.id} ${briefing.title}`);
      return { briefing, id: fold(briefing.id), words: text.split(/[^\p{L}\p{N}]+/u), text };
    });
  }

  complete(typed: string, limit: number = LIMITS.autocompleteChoices): Choice[] {
    const query = fold(typed.trim());
    if (!query) return this.briefings.slice(0, limit).map(briefingChoice);
    const picked = new Set<Entry>();
    const take = (test: (entry: Entry) => boolean) => {
      for (const entry of this.entries) {
        if (picked.size >= limit) return;
        if (!picked.has(entry) && test(entry)) picked.add(entry);
      }
    };
    take((entry) => entry.id.startsWith(query) || entry.words.some((word) => word.startsWith(query)));
    take((entry) => entry.text.includes(query));
    if (picked.size < limit && query.length >= 4) {
      take((entry) => entry.words.some((word) => withinOneEdit(word.slice(0, query.length), query)));
    }
    return [...picked].map((entry) => briefingChoice(entry.briefing));
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
