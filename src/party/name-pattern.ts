/**
 * A regular expression that finds a name in text as written: whole words, any case, any diacritics
 * (`donetsk` finds `Donétsk` and `DONETSK`), words separated by spaces, hyphens or dots. Searching the
 * text as it is spares folding every statement before the first search.
 */
import { fold } from './fold.js';
import { tokenize } from './tokens.js';

let variants: Map<string, string> | undefined;

/** For each ASCII letter, the accented letters that fold to it (`e` -> `éèêëĕ...`), both cases. */
function letterVariants(): Map<string, string> {
  if (variants) return variants;
  const found = new Map<string, string>();
  const ranges: [number, number][] = [
    [0x00c0, 0x024f],
    [0x1e00, 0x1eff],
  ];
  for (const [from, to] of ranges) {
    for (let code = from; code <= to; code++) {
      const letter = String.fromCharCode(code);
      const base = fold(letter);
      if (/^[a-z]$/.test(base)) found.set(base, (found.get(base) ?? '') + letter);
    }
  }
  variants = found;
  return found;
}

function escapeInClass(text: string): string {
  return text.replace(/[\\\]^-]/g, '\\$&');
}

function wordPattern(word: string): string {
  let pattern = '';
  for (const char of word) {
    if (/[a-z]/.test(char)) {
      pattern += `[${char}${char.toUpperCase()}${escapeInClass(letterVariants().get(char) ?? '')}]\\p{M}*`;
    } else if (char === "'") pattern += "['’ʼ‘]";
    else pattern += char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return pattern;
}

/** Undefined when the name has no words to look for. */
export function namePattern(name: string): RegExp | undefined {
  const words = tokenize(name).map((token) => token.key);
  if (words.length === 0) return undefined;
  const body = words.map(wordPattern).join("[\\s\\-‐‑–.'’]+");
  // Letters outside the Latin alphabet (Cyrillic, Greek) get their case from the engine.
  const flags = words.every((word) => /^[a-z0-9']+$/.test(word)) ? 'gu' : 'giu';
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, flags);
}
