/** What a party says, wants, refuses and agreed to, one statement at a time. */

export type StanceKind = 'says' | 'wants' | 'refuses' | 'agreed';

export const STANCE_KINDS: readonly StanceKind[] = ['says', 'wants', 'refuses', 'agreed'];

export interface StanceItem {
  kind: StanceKind;
  /** The statement as a short line (trimmed to ~200 chars at a word boundary, with …). */
  line: string;
  /** Who acts, as written in the statement ("the Kremlin", "Zelenskyy"). */
  actor: string;
  /** A direct quote of a member and its speaker, when the statement has one. */
  quote?: { speaker: string; words: string };
}

export interface CitedStanceItem extends StanceItem {
  briefingId: string;
  title: string;
  date: string;
  section: string;
  /**
   * true when it contradicts an older item of the opposite category (accepted what it had refused, or refused
   * what it had accepted / wanted)
   */
  change?: boolean;
}

export interface StanceCard {
  says: CitedStanceItem[];
  wants: CitedStanceItem[];
  refuses: CitedStanceItem[];
  agreed: CitedStanceItem[];
}
