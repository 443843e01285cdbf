/** Autocomplete choices and the one-typo test autocomplete and search share. */
import type { Briefing } from '../briefing/model.js';
import { LIMITS } from '../message/limits.js';
import { briefingChoiceValue } from './briefing-key.js';

export interface Choice {
  name: string;
  value: string;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Its value is the id, or for an id past Discord's 100 characters the key Library.find knows it by. */
export function briefingChoice(briefing: Pick<Briefing, 'id' | 'title' | 'date'>): Choice {
  return {
    name: clip(`${briefing.date} · ${briefing.title}`, LIMITS.choiceName),
    value: briefingChoiceValue(briefing.id),
  };
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
