/**
 * Precision and recall of the classifier against hand-labelled statements: for each statement and each party
 * asked about, the expected category or `none`. A wrong category counts against both precision (of the
 * category given) and recall (of the category expected).
 */
import { STANCE_KINDS, type StanceItem, type StanceKind } from './model.js';

export interface LabelledStatement {
  briefing: string;
  text: string;
  /** Party id -> expected category, or `none` when the party is only mentioned. */
  expect: Record<string, StanceKind | 'none'>;
  quote?: { party: string; speaker: string; words: string };
  /** The held-out set it belongs to: written and labelled after the rules it is measured on. */
  heldOut?: number;
}

export interface Counts {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

export interface Score {
  perKind: Record<StanceKind, Counts>;
  overall: Counts;
  quotes: { expected: number; right: number };
  /** Each disagreement, for reading. */
  misses: { text: string; party: string; expected: string; got: string }[];
}

export function precision(counts: Counts): number {
  const given = counts.truePositives + counts.falsePositives;
  return given === 0 ? 1 : counts.truePositives / given;
}

export function recall(counts: Counts): number {
  const expected = counts.truePositives + counts.falseNegatives;
  return expected === 0 ? 1 : counts.truePositives / expected;
}

function emptyCounts(): Counts {
  return { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
}

export function scoreStance(
  statements: readonly LabelledStatement[],
  classify: (text: string, partyId: string) => StanceItem | null,
): Score {
  const perKind = Object.fromEntries(STANCE_KINDS.map((kind) => [kind, emptyCounts()])) as Record<
    StanceKind,
    Counts
  >;
  const overall = emptyCounts();
  const quotes = { expected: 0, right: 0 };
  const misses: Score['misses'] = [];
  for (const statement of statements) {
    for (const [party, expected] of Object.entries(statement.expect)) {
      const item = classify(statement.text, party);
      const got = item?.kind ?? 'none';
      if (got === expected) {
        if (got !== 'none') {
          perKind[got].truePositives++;
          overall.truePositives++;
        }
      } else {
        misses.push({ text: statement.text, party, expected, got });
        if (got !== 'none') {
          perKind[got].falsePositives++;
          overall.falsePositives++;
        }
        if (expected !== 'none') {
          perKind[expected].falseNegatives++;
          overall.falseNegatives++;
        }
      }
      if (statement.quote?.party === party) {
        quotes.expected++;
        const right =
          item?.quote?.speaker === statement.quote.speaker && item.quote.words === statement.quote.words;
        if (right) quotes.right++;
        else
          misses.push({
            text: statement.text,
            party,
            expected: `quote ${statement.quote.speaker}`,
            got: `quote ${item?.quote?.speaker ?? 'none'}`,
          });
      }
    }
  }
  return { perKind, overall, quotes, misses };
}
