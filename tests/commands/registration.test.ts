/**
 * The bot diffs what Discord has registered with what it defines, and every change reaches every server: what it
 * registers is pinned here, key for key. Change the fixture only with a change to the commands that is meant.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commandDefinitions } from '../../src/commands/index.js';

const pinned = readFileSync(new URL('./fixtures/registered-commands.json', import.meta.url), 'utf8');

describe('the registered commands', () => {
  it('are exactly the pinned JSON, in the same order of options and keys', () => {
    expect(`${JSON.stringify(commandDefinitions(), null, 2)}\n`).toBe(pinned);
  });
});
