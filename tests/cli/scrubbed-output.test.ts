/** The editor tools write through the scrubber the bot's logs use: .env may hold the token. */
import { describe, expect, it } from 'vitest';
import { PROCESS_TEST_TIMEOUT_MS, runCli } from './run.js';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.Gabcde.abcdefghijklmnopqrstuvwxyz0123456789AB';

describe('briefings', { timeout: PROCESS_TEST_TIMEOUT_MS }, () => {
  it('never writes the token, even when asked about it', async () => {
    const result = await runCli(['show', TOKEN], { env: { DISCORD_TOKEN: TOKEN } });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('No briefing with id [redacted].\n');
    expect(result.stdout).toBe('');
  });
});
