import { describe, expect, it } from 'vitest';
import { commandDefinitions } from '../../src/commands/index.js';
import { type CommandsRest, sameCommands, syncCommands } from '../../src/discord/sync.js';

/** What Discord hands back: our fields plus ids, versions and defaults filled in. */
function asRegistered(definition: object, index: number) {
  const fill = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(fill);
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, inner] of Object.entries(value)) out[key] = fill(inner);
      if ('type' in out && typeof out.type === 'number' && out.type >= 3 && !('required' in out))
        out.required = false;
      return out;
    }
    return value;
  };
  return {
    id: `12345678901234567${index}`,
    application_id: '123456789012345678',
    version: '1',
    nsfw: false,
    default_member_permissions: null,
    integration_types: [0],
    ...(fill(definition) as object),
  };
}

function fakeRest(registered: unknown[]) {
  const calls: string[] = [];
  const rest: CommandsRest = {
    async get(route) {
      calls.push(`GET ${route}`);
      return registered;
    },
    async put(route, { body }) {
      calls.push(`PUT ${route}`);
      registered = (body as object[]).map(asRegistered);
      return registered;
    },
  };
  return { rest, calls };
}

describe('syncCommands', () => {
  const definitions = commandDefinitions();

  it('writes the commands when Discord has none, to the guild when one is given', async () => {
    const { rest, calls } = fakeRest([]);
    const result = await syncCommands(
      rest,
      { applicationId: '123456789012345678', guildId: '223456789012345678' },
      definitions,
    );
    expect(result).toEqual({ scope: 'guild', changed: true, count: 3 });
    expect(calls).toEqual([
      'GET /applications/123456789012345678/guilds/223456789012345678/commands',
      'PUT /applications/123456789012345678/guilds/223456789012345678/commands',
    ]);
  });

  it('writes nothing the second time: what Discord returns compares equal', async () => {
    const { rest, calls } = fakeRest(definitions.map(asRegistered));
    const result = await syncCommands(rest, { applicationId: '123456789012345678' }, definitions);
    expect(result.changed).toBe(false);
    expect(calls).toEqual(['GET /applications/123456789012345678/commands']);
  });

  it('sees a changed description as a difference', () => {
    const registered = definitions.map(asRegistered);
    expect(sameCommands(registered, definitions)).toBe(true);
    const changed = structuredClone(definitions);
    changed[0]!.description = 'Something else';
    expect(sameCommands(registered, changed)).toBe(false);
  });
});
