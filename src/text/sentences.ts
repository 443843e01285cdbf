/**
 * Splits prose into sentences without breaking at `U.S.`, `Mr.`, initials or decimals: a break needs a
 * stop, a space, and a capital, digit or quote to start the next sentence.
 */

const TITLES_AND_SHORT_FORMS = new Set(
  'mr mrs ms dr prof gen lt col maj capt sgt cmdr adm sen rep gov pres st jr sr rev hon amb no nos vs etc approx est inc ltd co corp dept univ jan feb mar apr jun jul aug sep sept oct nov dec fig vol'.split(
    ' ',
  ),
);

// A stop (with closing quotes or brackets) and whitespace, before the start of a likely sentence.
const BOUNDARY = /([.!?…]+)(["'”’)\]]*)\s+(?=["'“‘([]?[\p{Lu}\p{N}])/gu;

function wordBefore(text: string, end: number): string {
  let start = end;
  while (start > 0 && /[\p{L}.]/u.test(text[start - 1] ?? '')) start--;
  return text.slice(start, end);
}

/** True when the stop at `index` ends an abbreviation rather than a sentence. */
function isAbbreviation(text: string, index: number): boolean {
  const word = wordBefore(text, index);
  if (!word) return false;
  // U.S., D.C., e.g. and single initials (J. Smith).
  if (/^(?:\p{L}\.)*\p{L}$/u.test(word)) return true;
  return TITLES_AND_SHORT_FORMS.has(word.toLowerCase());
}

export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  BOUNDARY.lastIndex = 0;
  for (let match = BOUNDARY.exec(text); match !== null; match = BOUNDARY.exec(text)) {
    const stops = match[1] ?? '';
    if (stops === '.' && isAbbreviation(text, match.index)) continue;
    const end = match.index + stops.length + (match[2]?.length ?? 0);
    const sentence = text.slice(start, end).trim();
    if (sentence) sentences.push(sentence);
    start = match.index + match[0].length;
  }
  const last = text.slice(start).trim();
  if (last) sentences.push(last);
  return sentences;
}
