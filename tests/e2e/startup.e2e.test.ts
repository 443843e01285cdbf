/** Start-up against Discord refusing command registration: a clear reason, and nothing left running. */
import { describe, expect, it } from 'vitest';
import { briefingFolder } from '../../tools/briefing-files.js';
import { startFakeDiscord } from '../../tools/fake-discord/index.js';
import { databasePath, startBot } from './harness.js';

describe('start-up', () => {
  it('explains a refused command registration instead of running without commands', async () => {
    const fake = await startFakeDiscord();
    try {
      fake.failNext((request) => request.method === 'GET' && request.path.endsWith('/commands'), 403, {
        message: 'Missing Access',
        code: 50001,
      });
      const starting = startBot(fake, {
        briefingsDir: await briefingFolder(),
        databasePath: await databasePath(),
      });
      await expect(starting).rejects.toThrow(/applications\.commands/);
    } finally {
      await fake.close();
    }
  });
});
