/**
 * What a stance item is about, to tell whether two items speak of the same thing: its content words (lightly
 * stemmed, without stop words and stance verbs) and the proper names it holds besides its actor.
 */
const STOP_WORDS = new Set(
  `the a an and or but of to in on at for with by from as that this these those its it their they them his her
  he she we our any all some more most other such than then there would will could should must may might can
  have has had been being was were are is be not never no said says saying told also after before over under
  into about against between during while which who whose what when where only again would said since until
  monday tuesday wednesday thursday friday saturday sunday week weeks month months year years today yesterday
  agreed agree accepted accept rejected reject refused refuse demanded demand wants want proposed propose
  offered offer denied deny ruled signed sign called calls urged warned insisted endorsed`.split(/\s+/),
);

export interface Topic {
  words: Set<string>;
  names: Set<string>;
}

function stem(word: string): string {
  return word.replace(/(ies|es|s|ed|ing)$/u, '');
}

export function topicOf(line: string, actor: string): Topic {
  const words = new Set<string>();
  const names = new Set<string>();
  const actorWords = new Set(actor.toLowerCase().split(/[^\p{L}\p{N}]+/u));
  const parts = line.split(/[^\p{L}\p{N}'-]+/u).filter(Boolean);
  parts.forEach((part, index) => {
    const lower = part.toLowerCase().replace(/'s$/u, '');
    if (actorWords.has(lower) || STOP_WORDS.has(lower) || lower.length < 4) return;
    if (index > 0 && /^\p{Lu}/u.test(part)) names.add(lower);
    words.add(stem(lower));
  });
  return { words, names };
}

/** Same thing: a counterpart named in both, or at least two content words in common. */
export function sameTopic(a: Topic, b: Topic): boolean {
  for (const name of a.names) if (b.names.has(name)) return true;
  let shared = 0;
  for (const word of a.words) if (b.words.has(word) && ++shared >= 2) return true;
  return false;
}
