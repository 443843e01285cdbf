import { describe, expect, it } from 'vitest';
import { checkDate, fileNameParts } from '../../src/briefing/dates.js';
import { parseBriefing } from '../../src/briefing/parse.js';
import { selectNewBriefings } from '../../src/digest/compose/select.js';
import { Library } from '../../src/library/library.js';
import { PartyRegistry } from '../../src/party/registry.js';

describe('dates', () => {
  it('accepts real calendar dates, and timestamps by their written date', () => {
    expect(checkDate('2025-12-15')).toEqual({ ok: true, date: '2025-12-15' });
    expect(checkDate('2024-02-29')).toEqual({ ok: true, date: '2024-02-29' });
    expect(checkDate('2025-12-15T23:30:00-08:00')).toEqual({ ok: true, date: '2025-12-15' });
  });

  it('refuses days that do not exist and other spellings', () => {
    expect(checkDate('2025-02-29')).toMatchObject({ ok: false });
    expect(checkDate('2025-02-30')).toEqual({
      ok: false,
      message: 'date 2025-02-30 does not exist in the calendar',
    });
    expect(checkDate('2025-13-01')).toMatchObject({ ok: false });
    expect(checkDate('2100-02-29')).toMatchObject({ ok: false });
    expect(checkDate('15 December 2025')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/YYYY-MM-DD/),
    });
    expect(checkDate('2025-12-150')).toMatchObject({ ok: false });
  });

  it('splits a file name into date prefix and id', () => {
    expect(fileNameParts('briefings/2025-12-15-berlin-talks.md')).toEqual({
      date: '2025-12-15',
      id: 'berlin-talks',
    });
    expect(fileNameParts('briefings/sub/berlin-talks.txt')).toEqual({ id: 'berlin-talks' });
    expect(fileNameParts('2025-12-15.json')).toEqual({ date: '2025-12-15', id: '2025-12-15' });
  });
});

describe('dates with blanks around them, through parseBriefing', () => {
  const withDate = (date: string) =>
    `---\ntitle: T\ndate: ${JSON.stringify(date)}\nsummary: S\n---\n\n## What happened\n\n- a\n\n## Why it matters\n\n- b\n\n## Implications\n\n- c\n`;

  it.each([
    [' 2025-12-19', '2025-12-19'],
    ['\t2025-12-18', '2025-12-18'],
    ['2025-12-17 ', '2025-12-17'],
    ['  2025-12-16T08:00:00Z', '2025-12-16'],
  ])('stores %j as the checked date %s, never cut', (written, stored) => {
    const { briefing, problems } = parseBriefing('2025-12-01-x.md', withDate(written));
    expect(problems).toEqual([]);
    expect(briefing?.date).toBe(stored);
  });

  it('so the briefing is the latest, found by its day, and in the digest of its day', () => {
    const parsed = [' 2025-12-19', '2025-12-18'].map(
      (date, i) => parseBriefing(`b${i}.md`, withDate(date)).briefing,
    );
    const briefings = parsed.filter((briefing) => briefing !== null);
    const library = Library.of(briefings, PartyRegistry.builtIn());
    expect(library.latest()?.file).toBe('b0.md');
    expect(library.onDate('2025-12-19').map((briefing) => briefing.file)).toEqual(['b0.md']);
    const digest = selectNewBriefings({
      briefings,
      received: new Set(),
      notBefore: '2025-12-19',
      party: null,
      tag: null,
      mentions: () => false,
    });
    expect(digest.map((briefing) => briefing.file)).toEqual(['b0.md']);
    library.close();
  });
});
