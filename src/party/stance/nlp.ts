/**
 * The NLP library under the classifier: wink-nlp with its English lite model, run with part-of-speech tagging
 * only (lemmas are read lazily from the model). It was measured against compromise on our fixtures: as
 * accurate and about ten times faster (see the stance bench and the report that chose it).
 */
import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';

/** One token as a library gives it: the text as written, a Universal POS tag and a lemma. */
export interface RawToken {
  value: string;
  pos: string;
  lemma: string;
}

export type Analyser = (text: string) => RawToken[];

let wink: ReturnType<typeof winkNLP> | undefined;

export const winkAnalyser: Analyser = (text) => {
  wink ??= winkNLP(model, ['pos']);
  const its = wink.its;
  const tokens = wink.readDoc(text).tokens();
  const values = tokens.out(its.value) as string[];
  const pos = tokens.out(its.pos) as string[];
  // The typings give lemma another signature than the other token properties; it is read the same way.
  const lemmas = tokens.out(its.lemma as typeof its.value) as string[];
  return values.map((value, index) => ({ value, pos: pos[index] ?? 'X', lemma: lemmas[index] ?? value }));
};
