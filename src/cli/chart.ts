/**
 * `briefings party NAME --chart FILE`: the party's coverage chart, the PNG `/briefing party view:coverage` attaches,
 * written to FILE, with the same figures as a text table (whole: a terminal has no 4,000-character display) and a
 * line saying where the chart went. Only for a party in a registry (built in or parties.yml): nothing is written
 * for any other name.
 */
import { writeFile } from 'node:fs/promises';
import type { Library } from '../library/library.js';
import { CHART_HEIGHT, CHART_WIDTH } from '../render/coverage/chart-svg.js';
import { coverageTable } from '../render/coverage/table.js';
import { coverageChartPng, coverageSeriesOf } from '../render/coverage-reply.js';
import type { Output } from './output.js';

/** How many close names "did you mean" offers. */
const SUGGESTIONS = 3;

export interface ChartOptions {
  /** Print `{file, bytes, width, height, series}` instead of the table. */
  json: boolean;
}

/** Exit codes: 0 written, 1 not a known party or the chart could not be drawn or written (why, on stderr). */
export async function partyChart(
  library: Library,
  name: string,
  file: string,
  options: ChartOptions,
  io: Output,
): Promise<number> {
  const coverage = library.partyCoverage(name);
  if (!coverage) {
    io.err(
      unknownParty(
        name,
        library.registry.suggest(name, SUGGESTIONS).map((party) => party.name),
      ),
    );
    return 1;
  }
  const series = coverageSeriesOf(coverage);
  let png: Buffer;
  try {
    png = coverageChartPng(series);
  } catch (error) {
    io.err(`The coverage chart of ${coverage.party.name} could not be drawn: ${reason(error)}`);
    return 1;
  }
  try {
    await writeFile(file, png);
  } catch (error) {
    io.err(`${file}: cannot write the chart there: ${writeProblem(error)}`);
    return 1;
  }
  if (options.json) {
    const written = { file, bytes: png.length, width: CHART_WIDTH, height: CHART_HEIGHT, series };
    io.out(JSON.stringify(written, null, 2));
    return 0;
  }
  io.out(coverageTable(series, Number.POSITIVE_INFINITY));
  io.out(`Chart written to ${file}: ${CHART_WIDTH}×${CHART_HEIGHT} PNG, ${size(png.length)}.`);
  return 0;
}

function unknownParty(name: string, close: readonly string[]): string {
  const hint = close.length
    ? `; did you mean ${close.join(', ')}?`
    : ': charts are drawn for the countries, people and organisations built in or listed in parties.yml.';
  return `"${name}" is not a known party${hint} (briefings party ${name}, without --chart, still lists the statements naming it.)`;
}

/** The reason in words, without the errno prefix and path Node puts in its messages. */
function writeProblem(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return 'its folder does not exist.';
    case 'EISDIR':
      return 'it is a folder; give a file name, e.g. chart.png.';
    case 'ENOTDIR':
      return 'part of the path is a file, not a folder.';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied.';
    case 'EROFS':
      return 'the file system is read-only.';
    case 'ENOSPC':
      return 'the disk is full.';
    default:
      return `${reason(error)}.`;
  }
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** `41,208 bytes (40.2 KiB)`. */
function size(bytes: number): string {
  return `${bytes.toLocaleString('en-US')} bytes (${(bytes / 1024).toFixed(1)} KiB)`;
}
