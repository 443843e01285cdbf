/**
 * A name in no registry that most briefings hold: its answer takes the count of briefings holding its words from
 * the full-text index and reads only the briefings of the page shown; turning every page still shows each
 * statement naming it once, newest first, as the whole report lists them.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Briefing } from '../../src/briefing/model.js';
import { READ_WHOLE_MAX } from '../../src/library/index/party-reports.js';
import { Library } from '../../src/library/library.js';
import { isOpenReport, type PartyReport } from '../../src/party/model.js';
import { PartyRegistry } from '../../src/party/registry.js';
import type { PagedReply } from '../../src/render/pager.js';
import { renderPartyPage } from '../../src/render/party.js';
import { expectWithinLimits } from '../render/helpers.js';
import { makeBriefing } from '../support/briefings.js';
import {
  buttonsOf,
  leadOf,
  sectionNames,
  sectionsOf,
  smallPrintOf,
  titleOf,
} from '../support/message-text.js';
import { testDispatcher, USER } from '../support/services.js';

const OWNER = '223344556677889900';
const COUNT = 600;

function dateOf(index: number): string {
  return new Date(Date.UTC(2020, 0, 1) + index * 86_400_000).toISOString().slice(0, 10);
}

const briefings: Briefing[] = Array.from({ length: COUNT }, (_, index) =>
  makeBriefing({
    id: `day-${index}`,
    date: dateOf(index),
    summary: `Officials met on day ${index}. Nothing else was said.`,
    sections: {
      whatHappened: [`The officials agreed on point ${index}.`, 'Talks went on.'],
      whyItMatters: [`Officials disagree about item ${index}.`],
      implications: ['More talks.'],
    },
  }),
);
const registry = PartyRegistry.builtIn();

const opened: Library[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const library of opened.splice(0)) library.close();
});

/** A library of the briefings, counting the briefings its answers read from the index. */
function fresh() {
  const library = Library.of(briefings, registry);
  opened.push(library);
  const read = vi.spyOn(library.reader, 'atRow');
  return { library, reads: () => read.mock.calls.length };
}

function nextButton(reply: PagedReply) {
  const next = buttonsOf(reply.payload).find((button) => button.label === 'Next');
  return next ? { disabled: next.disabled ?? false } : undefined;
}

/** Every statement of every page, as `briefing id: statement`, turning pages until Next is disabled. */
function readEveryPage(answer: Parameters<typeof renderPartyPage>[0], section?: 'whyItMatters') {
  const seen: string[] = [];
  let n = 1;
  for (;;) {
    const reply = renderPartyPage(answer, n, OWNER, { section });
    expect(reply.page).toBe(n);
    expectWithinLimits([reply.payload]);
    for (const section of sectionsOf(reply.payload)) {
      const id = /\((day-\d+)\)$/.exec(section.name)?.[1];
      for (const line of section.text.split('\n')) seen.push(`${id}: ${line}`);
    }
    if (nextButton(reply)?.disabled !== false) return { seen, last: reply };
    n++;
  }
}

function everyStatement(report: PartyReport, label?: string): string[] {
  return report.briefings.flatMap((briefing) =>
    briefing.statements
      .filter((statement) => !label || statement.section === label)
      .map((statement) => `${briefing.id}: • ${statement.text} — *${statement.section}*`),
  );
}

describe('a name in no registry that most briefings hold', () => {
  it('counts the briefings from the index and reads only those of the page shown', () => {
    const { library, reads } = fresh();
    const answer = library.partyAnswer('officials');
    expect(COUNT).toBeGreaterThan(READ_WHOLE_MAX);
    expect(isOpenReport(answer)).toBe(true);
    expect(answer.party).toBeNull();
    expect(reads()).toBe(0);
    const first = renderPartyPage(answer, 1, OWNER);
    expect(titleOf(first.payload)).toBe('"officials"');
    expect(leadOf(first.payload)).toBe(
      '600 briefings hold its words, newest first\nNot a known party: statements that name it.',
    );
    expect(sectionNames(first.payload)[0]).toMatch(/\(day-599\)$/);
    // Not every briefing holding the word: the page shown, and the rest of the chunk it was read in.
    expect(reads()).toBeGreaterThan(0);
    expect(reads()).toBeLessThan(COUNT / 4);
    // How many pages there are is not known yet: the small print says which page this is, and Next is open.
    expect(smallPrintOf(first.payload)).toEqual(['Page 1']);
    expect(nextButton(first)).toEqual({ disabled: false });
    expectWithinLimits([first.payload]);
  });

  it('pages through every statement naming it, newest first, and knows the last page when it gets there', () => {
    const { library } = fresh();
    const whole = library.party('officials');
    const { seen, last } = readEveryPage(library.partyAnswer('officials'));
    expect(seen).toEqual(everyStatement(whole));
    expect(seen).toHaveLength(COUNT * 3);
    expect(smallPrintOf(last.payload)).toEqual([`Page ${last.page}/${last.page}`]);
    // A page past the end is the last one, as with any report.
    // Asked of an answer nothing has been read of yet.
    const beyond = renderPartyPage(fresh().library.partyAnswer('officials'), last.page + 50, OWNER);
    expect(beyond.page).toBe(last.page);
  });

  it('narrows to one section page by page', () => {
    const { library } = fresh();
    const answer = library.partyAnswer('officials');
    const { seen } = readEveryPage(answer, 'whyItMatters');
    expect(seen).toEqual(everyStatement(library.party('officials'), 'Why it matters'));
    expect(seen).toHaveLength(COUNT);
    const first = renderPartyPage(answer, 1, OWNER, { section: 'whyItMatters' });
    expect(leadOf(first.payload)).toMatch(/^600 briefings hold its words, newest first · /);
  });

  it('says nothing names it when its words are in most briefings but never together', () => {
    const { library } = fresh();
    const answer = library.partyAnswer('talks officials');
    expect(isOpenReport(answer)).toBe(true);
    const reply = renderPartyPage(answer, 1, OWNER);
    expect(reply.payload.ephemeral).toBe(true);
    expect(reply.payload.content).toMatch(/^No briefing mentions "talks officials"\./);
  });

  it('a name few briefings hold is read whole, with exact counts', () => {
    const { library } = fresh();
    const answer = library.partyAnswer('point 7');
    expect(isOpenReport(answer)).toBe(false);
    const reply = renderPartyPage(answer, 1, OWNER);
    expect(leadOf(reply.payload)).toBe(
      '1 statement in 1 briefing\nNot a known party: statements that name it.',
    );
    expect(smallPrintOf(reply.payload)).toEqual([]);
  });

  it('is what the library answers a party question with, remembered for the next page', () => {
    const library = Library.of(briefings, registry);
    const answer = library.partyAnswer('officials');
    expect(library.partyAnswer('officials')).toBe(answer);
    expect(smallPrintOf(renderPartyPage(answer, 2, OWNER).payload)).toEqual(['Page 2']);
    // The whole report, as `briefings party` prints it, still lists every briefing.
    expect(library.party('officials').briefings).toHaveLength(COUNT);
    library.close();
  });

  it('is what /briefing party shows, a page at a time', async () => {
    const { dispatcher, input, library } = testDispatcher(briefings);
    const first = await dispatcher.run(input('briefing', 'party', { name: 'officials' }));
    expect(leadOf(first)).toMatch(/^600 briefings hold its words/);
    const next = buttonsOf(first)[1]?.customId ?? '';
    const turned = dispatcher.page(next, USER.id);
    expect(turned.update).toBe(true);
    expect(smallPrintOf(turned.reply)).toEqual(['Page 2']);
    library.close();
  });
});
