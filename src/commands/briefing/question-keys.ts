/**
 * Questions too long to ride whole in a page button (a name in no registry, a search text: up to 100 characters)
 * ride as a short key (src/short-key.ts), and the text is remembered here so that a click asks the same question
 * again. A key is a hash of its text, so one question has one key however often it is asked. The memory is this
 * process's: after a restart, or past the most recent REMEMBERED long questions, a click on an older key is told
 * to ask again, never answered with a different question.
 */
import { MAX_NAME_LENGTH } from '../../party/name-pattern.js';
import { carriedAsItIs, hashKey, isHashKey } from '../../text/short-key.js';

/** Longest party name or search text a reader may type: a name is at most what an autocomplete value holds. */
export const MAX_QUERY_LENGTH = MAX_NAME_LENGTH;

const REMEMBERED = 10_000;

/** Hash key -> text, least recently used first. */
const texts = new Map<string, string>();

/** The key a page button carries for the question: the text itself when short, else its hash, remembered. */
export function questionKey(text: string): string {
  if (carriedAsItIs(text)) return text;
  const key = hashKey(text);
  texts.delete(key);
  texts.set(key, text);
  if (texts.size > REMEMBERED) texts.delete(texts.keys().next().value as string);
  return key;
}

/** The question a key stands for; undefined for a hash no question asked here (still remembered) has. */
export function questionOf(key: string): string | undefined {
  if (!isHashKey(key)) return key;
  const text = texts.get(key);
  if (text === undefined) return undefined;
  texts.delete(key);
  texts.set(key, text);
  return text;
}
