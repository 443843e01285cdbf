/**
 * A briefing's id where Discord counts characters: the id itself when it fits, else the one hash of it
 * (src/short-key.ts) that Library.find resolves, whichever of the two carried it.
 */
import { LIMITS } from '../message/limits.js';
import { shortKey } from '../text/short-key.js';

/** In a page button's custom_id, which holds the rest of the page's state too. */
export function briefingKey(id: string): string {
  return shortKey(id);
}

/** As an autocomplete value: ids up to Discord's 100 characters as they are, so one typed in full is the same. */
export function briefingChoiceValue(id: string): string {
  return shortKey(id, LIMITS.choiceValue);
}
