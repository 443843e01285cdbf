/** `briefings party` with a name no reader would type: refused with one line saying what to type instead. */
import { describe, expect, it } from 'vitest';
import { PROCESS_TEST_TIMEOUT_MS, runCli } from './run.js';

describe('briefings party', { timeout: PROCESS_TEST_TIMEOUT_MS }, () => {
  it('refuses a 9,000-character name with the limit and an example, and no stack trace', async () => {
    const result = await runCli(['party', 'x'.repeat(9_000)]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim()).toBe(
      'The name option takes at most 100 characters; this one has 9,000. Type a shorter one, e.g. briefings party Russia',
    );
  });

  it('still answers a name in no registry from the statements naming it', async () => {
    const result = await runCli(['party', 'Donetsk', '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { party: unknown; briefings: { id: string }[] };
    expect(report.party).toBeNull();
    expect(report.briefings.length).toBeGreaterThan(0);
  });
});
