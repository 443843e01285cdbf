/** Folding text for comparison: case, diacritics and apostrophe variants do not make two names differ. */

/** Letters that Unicode decomposition leaves alone but readers treat as plain Latin. */
const EXTRA_FOLDS: Record<string, string> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};
const EXTRA_FOLD_PATTERN = /[øæœßłđðþı]/g;
const MARKS = /\p{M}/gu;
const APOSTROPHES = /[’‘ʼ]/g;
const NON_ASCII = /[\u0080-\uffff]/;
/** Anything but ASCII and typographic punctuation (quotes, dashes), which need no decomposing. */
const BEYOND_PUNCTUATION = /[\u0080-\u1fff\u2070-\uffff]/;

/** Lowercase, without diacritics, with one kind of apostrophe. */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  if (!NON_ASCII.test(lower)) return lower;
  if (!BEYOND_PUNCTUATION.test(lower)) return lower.replace(APOSTROPHES, "'");
  return lower
    .normalize('NFKD')
    .replace(MARKS, '')
    .replace(APOSTROPHES, "'")
    .replace(EXTRA_FOLD_PATTERN, (letter) => EXTRA_FOLDS[letter] ?? letter);
}

/** Stable id for a party name: `Volodymyr Zelenskyy` -> `volodymyr-zelenskyy`. */
export function slugify(name: string): string {
  return (
    fold(name)
      .replace(/['.]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'party'
  );
}
