/** /digest: placeholder until the digest handlers land. */
import type { SlashCommand } from '../types.js';
import { digestDefinition } from './definition.js';

export const digestCommand: SlashCommand = {
  definition: digestDefinition,
  preconditions: ['guild-only', 'manage-server'],
  ephemeral: true,
  run() {
    return { content: 'Digests are not available yet.', ephemeral: true };
  },
};
