/**
 * The report on a name in no registry that many briefings hold, read as it is shown: the briefings holding its
 * words (newest first, from the full-text index) are read one at a time when a page reaches them, and those that
 * name it are kept for the pages after.
 */
import type { OpenPartyReport, PartyReportBriefing } from './model.js';

export class OpenReport implements OpenPartyReport {
  readonly party = null;
  readonly members: string[] = [];
  private readonly found: PartyReportBriefing[] = [];
  private ended = false;
  private suggested?: string[];

  /**
   * `candidates`: indexes of the briefings to read, in report order; `naming`: the statements of one that name
   * the name, or undefined when none does; `suggest`: the closest known names, for an answer that finds nothing.
   */
  constructor(
    readonly query: string,
    readonly briefingsWithWords: number,
    private readonly candidates: Iterator<number>,
    private readonly naming: (index: number) => PartyReportBriefing | undefined,
    private readonly suggest: () => string[],
  ) {}

  briefingAt(index: number): PartyReportBriefing | undefined {
    while (this.found.length <= index && !this.ended) {
      const next = this.candidates.next();
      if (next.done) this.ended = true;
      else {
        const briefing = this.naming(next.value);
        if (briefing) this.found.push(briefing);
      }
    }
    return this.found[index];
  }

  get suggestions(): string[] {
    this.suggested ??= this.suggest();
    return this.suggested;
  }
}
