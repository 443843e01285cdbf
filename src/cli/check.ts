/** `briefings check [dir] [--strict]`: every problem of the folder; warnings fail the check only with --strict. */
import { formatProblem, isWarning, type Problem } from '../briefing/model.js';
import { readLibraryFolder } from '../library/load.js';
import type { Output } from './output.js';

export interface CheckOutcome {
  errors: number;
  warnings: number;
  exitCode: 0 | 1;
}

export function checkOutcome(problems: readonly Problem[], strict: boolean): CheckOutcome {
  const warnings = problems.filter(isWarning).length;
  const errors = problems.length - warnings;
  return { errors, warnings, exitCode: errors > 0 || (strict && warnings > 0) ? 1 : 0 };
}

export async function check(dir: string, strict: boolean, io: Output): Promise<number> {
  const { briefings, problems } = await readLibraryFolder(dir);
  for (const problem of problems) io.out(formatProblem(problem));
  const outcome = checkOutcome(problems, strict);
  io.err(
    `${briefings.briefings.length} briefing(s) loaded, ${outcome.errors} error(s), ${outcome.warnings} warning(s) in ${dir}`,
  );
  return outcome.exitCode;
}
