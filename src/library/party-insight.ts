/**
 * The analyst's answer about a party, from the index: where it stands (what it says, wants, refuses and agreed
 * to, from the statements where it or a member speaks or acts), who it appears with, how its coverage moves, and
 * what it and another party each said in the briefings naming both.
 */

import type { Party, PartyAnswer, PartyReportBriefing } from '../party/model.js';
import { isOpenReport } from '../party/model.js';
import type { PartyRegistry } from '../party/registry.js';
import { buildStanceCard, classifyStatement } from '../party/stance/index.js';
import type { CitedStanceItem, StanceCard, StanceItem } from '../party/stance/model.js';
import { type AppearsWith, PartyLinks } from './index/party-links.js';
import type { IndexReader } from './index/reader.js';
import { Recent } from './recent.js';

export type { AppearsWith };

/** The newest briefings naming a party that a stance card is drawn from: enough for a view of where it stands now. */
export const STANCE_WINDOW = 200;
/** How many parties "appears with" lists. */
export const APPEARS_WITH_LIMIT = 5;
/** The newest briefings a comparison shows. */
export const VERSUS_WINDOW = 50;
/**
 * Statements whose classification is remembered: it depends only on the text and the parties asked about, so it
 * outlives index changes (a new briefing leaves every older statement's reading as it was).
 */
const CLASSIFIED_KEPT = 20_000;
/** How many weeks back coverage is read: the most a chart draws (three years) before it is unreadable. */
export const COVERAGE_WEEKS = 156;
/** Parties drawn beside the party on its coverage chart. */
const COVERAGE_COMPANIONS = 3;

export interface PartyHeading {
  id: string;
  name: string;
  kind: Party['kind'];
}

export interface StanceAnswer {
  party: PartyHeading;
  card: StanceCard;
  /** Briefings the card was drawn from (the newest naming the party), and how many name it in all. */
  read: number;
  named: number;
  appearsWith: AppearsWith[];
}

/** One line of a coverage chart: a party's name and the date of each briefing naming it. */
export interface CoverageDates {
  name: string;
  /** The date (YYYY-MM-DD) of each briefing that mentions the name: a day twice for two briefings that day. */
  dates: readonly string[];
}

export interface CoverageAnswer {
  party: PartyHeading;
  /** The party's briefings' dates first, then its most frequent companions'. */
  lines: CoverageDates[];
  /** The archive's first and last dates: the chart spans them. */
  from?: string;
  through?: string;
}

export interface VersusBriefing {
  id: string;
  title: string;
  date: string;
  /** Each side's stance items in this briefing, and how many statements name each side. */
  sides: [CitedStanceItem[], CitedStanceItem[]];
  named: [number, number];
}

export interface VersusAnswer {
  parties: [PartyHeading, PartyHeading];
  /** The newest briefings with statements naming both (at most VERSUS_WINDOW), and how many there are. */
  briefings: VersusBriefing[];
  total: number;
}

/** The YYYY-MM-DD date `weeks` weeks before `date`. */
function weeksBefore(date: string, weeks: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - weeks * 7 * 86_400_000).toISOString().slice(0, 10);
}

const heading = (party: Party): PartyHeading => ({ id: party.id, name: party.name, kind: party.kind });

export class PartyInsight {
  private readonly links: PartyLinks;
  private readonly classified = new Recent<StanceItem | null>(CLASSIFIED_KEPT);

  constructor(
    private readonly reader: IndexReader,
    private readonly registry: PartyRegistry,
  ) {
    this.links = new PartyLinks(reader, registry);
  }

  /**
   * Where the party stands, from `answer` (its report, newest first), with the parties it appears with (worked
   * out once by the caller, who shows them too); undefined for a name in no registry.
   */
  stance(answer: PartyAnswer, appearsWith: AppearsWith[]): StanceAnswer | undefined {
    const party = answer.party && this.registry.get(answer.party.id);
    if (!party) return undefined;
    const ids = this.links.idsOf(party);
    const items: CitedStanceItem[] = [];
    let read = 0;
    for (; read < STANCE_WINDOW; read++) {
      const briefing = isOpenReport(answer) ? answer.briefingAt(read) : answer.briefings[read];
      if (!briefing) break;
      items.push(...this.stanceItems(briefing, ids));
    }
    const named = isOpenReport(answer) ? answer.briefingsWithWords : answer.briefings.length;
    return {
      party: heading(party),
      card: buildStanceCard(items),
      read,
      named,
      appearsWith,
    };
  }

  appearsWith(party: Party): AppearsWith[] {
    return this.links.appearsWith(party, APPEARS_WITH_LIMIT);
  }

  /** `appearsWith`: the party's companions, most first; the first three are drawn beside it. */
  coverage(party: Party, appearsWith: readonly AppearsWith[]): CoverageAnswer {
    const companions = appearsWith.slice(0, COVERAGE_COMPANIONS);
    const span = this.reader.dateSpan();
    // The chart draws the latest COVERAGE_WEEKS at most: older dates are not read (the span still says how far
    // the archive goes, so the chart says what it left out).
    const since = span.through ? weeksBefore(span.through, COVERAGE_WEEKS + 1) : '';
    return {
      party: heading(party),
      lines: [
        { name: party.name, dates: this.links.dates(party, since) },
        ...companions.map((other) => ({
          name: other.party.name,
          dates: this.links.dates(other.party, since),
        })),
      ],
      ...span,
    };
  }

  versus(a: Party, b: Party): VersusAnswer {
    const { total, briefings } = this.links.both(a, b, VERSUS_WINDOW);
    const idsA = this.links.idsOf(a);
    const idsB = this.links.idsOf(b);
    return {
      parties: [heading(a), heading(b)],
      total,
      briefings: briefings.map(({ briefing, sides }) => ({
        id: briefing.id,
        title: briefing.title,
        date: briefing.date,
        sides: [
          this.stanceItems({ ...briefing, statements: sides[0] }, idsA),
          this.stanceItems({ ...briefing, statements: sides[1] }, idsB),
        ],
        named: [sides[0].length, sides[1].length],
      })),
    };
  }

  /** The briefing's statements where the party (one of `ids`) speaks or acts, cited. */
  private stanceItems(briefing: PartyReportBriefing, ids: ReadonlySet<string>): CitedStanceItem[] {
    const parties = [...ids].join(' ');
    return briefing.statements.flatMap((statement) => {
      const item = this.classified.get(`${parties}\u0000${statement.text}`, () =>
        classifyStatement(statement.text, ids, this.registry),
      );
      return item
        ? [
            {
              ...item,
              briefingId: briefing.id,
              title: briefing.title,
              date: briefing.date,
              section: statement.section,
            },
          ]
        : [];
    });
  }
}
