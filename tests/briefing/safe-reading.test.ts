/**
 * Whatever sits where a briefing or parties.yml should be (a FIFO, a folder, a huge file), reading it is
 * one refusal through the shared reader (src/files/read-text-file.ts), reported as a problem.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBriefingText } from '../../src/briefing/folder-files.js';
import { MAX_TEXT_FILE_BYTES } from '../../src/files/read-text-file.js';
import { loadPartyRegistry } from '../../src/party/parties-file.js';
import { heldFifo } from '../files/helpers.js';
import { withTempDir } from './helpers.js';

describe('readBriefingText', () => {
  it('refuses a briefing file swapped for a FIFO after the folder was listed', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, '2025-12-15-swapped.md');
      const fifo = heldFifo(file);
      try {
        expect(readBriefingText(file)).toEqual({ problem: { file, message: 'not a regular file' } });
      } finally {
        fifo.close();
      }
    });
  });
});

describe('loadPartyRegistry', () => {
  const cases: [string, (file: string) => Promise<{ close(): void }>, string][] = [
    ['a FIFO', async (file) => heldFifo(file), 'not a regular file'],
    [
      'a folder',
      async (file) => {
        await mkdir(file);
        return { close: () => undefined };
      },
      'not a regular file',
    ],
    [
      'a file over the shared limit',
      async (file) => {
        await writeFile(file, `- name: Big\n  aliases: [${'x, '.repeat((2 * MAX_TEXT_FILE_BYTES) / 3)}y]\n`);
        return { close: () => undefined };
      },
      'the file is 2048 KB: parties.yml must be under 1 MB',
    ],
  ];

  for (const [what, make, message] of cases) {
    it(`refuses a parties.yml that is ${what}, and keeps the built-in parties`, async () => {
      await withTempDir(async (dir) => {
        const file = join(dir, 'parties.yml');
        const held = await make(file);
        try {
          const { registry, problems } = await loadPartyRegistry(dir);
          expect(problems).toEqual([{ file, message }]);
          expect(registry.resolve('Ukraine')?.name).toBe('Ukraine');
        } finally {
          held.close();
        }
      });
    });
  }
});
