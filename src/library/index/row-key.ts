/**
 * A briefing's row in the index orders it as readers see briefings: newest date first, then by id. The row is
 * the date's distance from the far future times 2^20, plus the briefing's rank among that date's ids, so SQLite
 * (and FTS5, which walks rows in order) gives results newest first and can stop after a page.
 */
const PER_DAY = 2 ** 20;
/** 9999-12-31 as days since 1970-01-01: no briefing is dated later. */
const LAST_DAY = Date.UTC(9999, 11, 31) / 86_400_000;

function dayNumber(date: string): number {
  const time = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return Math.round(time / 86_400_000);
}

export function rowKey(date: string, rank: number): number {
  if (rank >= PER_DAY) throw new Error(`more than ${PER_DAY} briefings dated ${date}`);
  return (LAST_DAY - dayNumber(date)) * PER_DAY + rank;
}

/** The range of rows a date's briefings have: [first, end). */
export function rowsOfDate(date: string): [number, number] {
  const first = rowKey(date, 0);
  return [first, first + PER_DAY];
}

/** The order of ids within a date (the order the library has always used). */
export function byId(a: string, b: string): number {
  return a.localeCompare(b);
}
