/**
 * A report read as it is shown: its candidate briefings (newest first, from the index) are read one at a time
 * when a page reaches them, and those with statements are kept for the pages after. Used for a party named in
 * more briefings than are read at once, and for a name in no registry that many briefings hold the words of.
 */
import type { OpenPartyReport, PartyReportBriefing } from './model.js';

export interface OpenReportSource<C> {
  query: string;
  party: OpenPartyReport['party'];
  members: string[];
  /** The candidates' count: exact for a known party, the briefings holding the words for a name in no registry. */
  briefingsWithWords: number;
  /** The candidates in report order. */
  candidates: Iterator<C>;
  /** The statements of one candidate, or undefined when it has none. */
  read: (candidate: C) => PartyReportBriefing | undefined;
  /** The closest known names, for an answer that finds nothing. */
  suggest: () => string[];
}

export class OpenReport<C> implements OpenPartyReport {
  readonly query: string;
  readonly party: OpenPartyReport['party'];
  readonly members: string[];
  readonly briefingsWithWords: number;
  private readonly found: PartyReportBriefing[] = [];
  private ended = false;
  private suggested?: string[];

  constructor(private readonly source: OpenReportSource<C>) {
    this.query = source.query;
    this.party = source.party;
    this.members = source.members;
    this.briefingsWithWords = source.briefingsWithWords;
  }

  briefingAt(index: number): PartyReportBriefing | undefined {
    while (this.found.length <= index && !this.ended) {
      const next = this.source.candidates.next();
      if (next.done) this.ended = true;
      else {
        const briefing = this.source.read(next.value);
        if (briefing) this.found.push(briefing);
      }
    }
    return this.found[index];
  }

  get suggestions(): string[] {
    this.suggested ??= this.source.suggest();
    return this.suggested;
  }
}
