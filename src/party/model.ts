/** Parties: countries, people, organisations and blocs the briefings talk about. */

export type PartyKind = 'country' | 'person' | 'organisation' | 'bloc';

export interface Party {
  /** Stable key, e.g. `ukraine`, `volodymyr-zelenskyy`. */
  id: string;
  /** Canonical display name. */
  name: string;
  kind: PartyKind;
  /** Other names that mean this party: short forms, demonyms, capital, spelling variants. */
  aliases: string[];
  /**
   * Names that count in a briefing only once the party was named otherwise earlier in it: common surnames
   * (`Johnson` after `Boris Johnson`). Absent: none.
   */
  laterAliases?: string[];
  /** Ids of parties that belong to this one (people of a government, states of a bloc). */
  members: string[];
}

/** One statement (bullet, or sentence of a paragraph) that mentions a party, with its citation. */
export interface CitedStatement {
  /** Human label of the section: `What happened`, `Why it matters`, `Implications`, `Summary`, or a further heading. */
  section: string;
  text: string;
}

export interface PartyReportBriefing {
  id: string;
  title: string;
  date: string;
  statements: CitedStatement[];
}

export interface PartyReport {
  /** What the reader asked for, as typed. */
  query: string;
  /** The party the query resolved to; null when it is in no registry. */
  party: { id: string; name: string; kind: PartyKind } | null;
  /** Display names of the party's members that the statements name. */
  members: string[];
  /** Briefings with statements about the party, newest first. */
  briefings: PartyReportBriefing[];
  /** Closest known party names, filled only when nothing was found. */
  suggestions: string[];
}

/**
 * A report read as its pages are shown: a party named in more briefings than are read at once, or a name in no
 * registry whose words many briefings hold. Its briefings are read one at a time, newest first.
 */
export interface OpenPartyReport {
  query: string;
  party: { id: string; name: string; kind: PartyKind } | null;
  members: string[];
  /**
   * A known party: how many briefings have statements naming it or a member (exact). A name in no registry: how
   * many hold every word of it (those naming it are among them).
   */
  briefingsWithWords: number;
  /** The `index`-th briefing with statements, newest first (read now if not yet), or undefined past the last. */
  briefingAt(index: number): PartyReportBriefing | undefined;
  /** Closest known party names; worked out when read, for an answer that turns out empty. */
  readonly suggestions: string[];
}

/** What a reader is shown: the whole report, or for a name most briefings hold, one read as its pages are. */
export type PartyAnswer = PartyReport | OpenPartyReport;

export function isOpenReport(answer: PartyAnswer): answer is OpenPartyReport {
  return 'briefingAt' in answer;
}
