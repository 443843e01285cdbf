/**
 * A subcommand is one module: its options' types come from their definitions (checked by `npm run typecheck`:
 * the `@ts-expect-error` lines fail it if a wrong read ever type-checks), and a command, its registration, its
 * routing, local mode's parser and help are all built from its list of modules.
 */
import { ApplicationIntegrationType, InteractionContextType } from 'discord-api-types/v10';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { SectionKey } from '../../src/briefing/model.js';
import { briefingCommand } from '../../src/commands/briefing/index.js';
import type { party } from '../../src/commands/briefing/party.js';
import type { search } from '../../src/commands/briefing/search.js';
import { sectionOption } from '../../src/commands/briefing/section.js';
import { defineCommand } from '../../src/commands/command.js';
import type { subscribe } from '../../src/commands/digest/subscribe.js';
import { integerOption, stringOption } from '../../src/commands/options.js';
import { defineSubcommand, type SubcommandInput } from '../../src/commands/subcommand.js';
import type { ChannelOption } from '../../src/commands/types.js';
import { usageLines } from '../../src/console/help.js';
import { parseLine } from '../../src/console/parse-line.js';
import { makeBriefing } from '../support/briefings.js';
import { testDispatcher } from '../support/services.js';

/** What a module's run reads as `input.options`. */
type OptionsOf<Module> = Module extends {
  run(input: SubcommandInput<infer Options>, ...rest: never[]): unknown;
}
  ? SubcommandInput<Options>['options']
  : never;

describe('a subcommand’s options, as run reads them', () => {
  it('are typed from their definitions: required or not, choices as the union of their values', () => {
    expectTypeOf<OptionsOf<typeof search>>().toEqualTypeOf<{ readonly query: string }>();
    expectTypeOf<OptionsOf<typeof party>>().toEqualTypeOf<{
      readonly name: string;
      readonly view: 'statements' | 'stance' | 'coverage' | undefined;
      readonly versus: string | undefined;
      readonly section: SectionKey | undefined;
    }>();
    expectTypeOf<OptionsOf<typeof subscribe>['channel']>().toEqualTypeOf<ChannelOption>();
    expectTypeOf<OptionsOf<typeof subscribe>['timezone']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<OptionsOf<typeof subscribe>['post_when_empty']>().toEqualTypeOf<boolean | undefined>();
  });

  it('fail type-checking where an option that does not exist is read', () => {
    const options = {} as OptionsOf<typeof search>;
    // @ts-expect-error: /briefing search has `query`, no `text`.
    expect(options.text).toBeUndefined();
    defineSubcommand({
      name: 'find',
      description: 'Search, its option renamed',
      options: { text: stringOption({ description: 'Words to look for', required: true }) },
      run(input) {
        // @ts-expect-error: the option was renamed to `text`: every read of `query` stops compiling.
        return { content: input.options.query };
      },
    });
  });
});

/** A throwaway `/briefing random`: the whole of what adding a subcommand takes, besides its line in the list. */
const random = defineSubcommand({
  name: 'random',
  description: 'One briefing, picked at random',
  options: {
    among: integerOption({ description: 'Pick among the newest N', minValue: 1 }),
    tag: stringOption({
      description: 'Only briefings with this tag',
      autocomplete: (typed, services) =>
        [
          ...new Set(
            services
              .library()
              .list(1, 100)
              .items.flatMap((briefing) => briefing.tags),
          ),
        ]
          .filter((tag) => tag.startsWith(typed))
          .map((tag) => ({ name: tag, value: tag })),
    }),
    section: sectionOption,
  },
  run(input, services) {
    const tagged = services
      .library()
      .list(1, 100)
      .items.filter((briefing) => !input.options.tag || briefing.tags.includes(input.options.tag));
    const pick = tagged.slice(0, input.options.among ?? tagged.length)[0];
    return { content: `${pick?.id ?? 'none'} · ${input.options.section ?? 'all sections'}` };
  },
});

const withRandom = defineCommand({
  name: 'briefing',
  description: briefingCommand.definition.description,
  integrationTypes: [ApplicationIntegrationType.GuildInstall],
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
  subcommands: [...briefingCommand.subcommands.values(), random],
});

describe('a subcommand added to a command’s list', () => {
  const briefings = [makeBriefing({ id: 'floods', tags: ['weather'] }), makeBriefing({ id: 'talks' })];

  it('is registered with its options as Discord JSON, after the others', () => {
    expect(withRandom.definition.options?.at(-1)).toEqual({
      type: 1,
      name: 'random',
      description: 'One briefing, picked at random',
      options: [
        { type: 4, name: 'among', description: 'Pick among the newest N', min_value: 1 },
        { type: 3, name: 'tag', description: 'Only briefings with this tag', autocomplete: true },
        expect.objectContaining({ type: 3, name: 'section', choices: expect.any(Array) }),
      ],
    });
    expect(withRandom.definition.options?.slice(0, -1)).toEqual(briefingCommand.definition.options);
  });

  it('is parsed at the prompt and listed in help, then routed, checked and completed', async () => {
    const parsed = parseLine('/briefing random tag:weather section:implications among:1', [withRandom]);
    if (!parsed.ok) throw new Error(parsed.error);
    expect({ ...parsed.input.options }).toEqual({ tag: 'weather', section: 'implications', among: 1 });
    expect(usageLines([withRandom])).toContain(
      '/briefing random [among:…] [tag:…] [section:…]  One briefing, picked at random',
    );

    // The bot's own /briefing does not know it; the command its list was added to does.
    const { dispatcher: today } = testDispatcher(briefings);
    expect((await today.run(parsed.input)).content).toMatch(/has no subcommand "random"/);
    const { dispatcher } = testDispatcher(briefings, undefined, [withRandom]);
    expect((await dispatcher.run(parsed.input)).content).toBe('floods · implications');
    expect((await dispatcher.run({ ...parsed.input, options: {} })).content).toBe('floods · all sections');
    expect((await dispatcher.run({ ...parsed.input, options: { among: 'two' } })).content).toBe(
      'among must be a whole number.',
    );
    const complete = (name: string, value: string) =>
      dispatcher.autocomplete({ ...parsed.input, options: {}, focused: { name, value } });
    expect(complete('tag', 'wea')).toEqual([{ name: 'weather', value: 'weather' }]);
    // Only the options it declares complete: a forged name finds nothing, not Object.prototype's.
    for (const name of ['among', 'toString', 'constructor', '__proto__'])
      expect(complete(name, '')).toEqual([]);
  });
});

describe('guards declared on a subcommand', () => {
  const notes = defineCommand({
    name: 'notes',
    description: 'Notes for the server',
    integrationTypes: [ApplicationIntegrationType.GuildInstall],
    contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
    subcommands: [
      defineSubcommand({ name: 'read', description: 'Anyone, anywhere', run: () => ({ content: 'read' }) }),
      defineSubcommand({
        name: 'write',
        description: 'Server managers only',
        preconditions: ['guild-only', 'manage-server'],
        run: () => ({ content: 'written' }),
      }),
    ],
  });

  it('hold that subcommand only, and say why', async () => {
    const { dispatcher, input } = testDispatcher([], undefined, [notes]);
    const member = { canManageServer: false };
    expect((await dispatcher.run(input('notes', 'read', {}, { ...member, guildId: null }))).content).toBe(
      'read',
    );
    expect((await dispatcher.run(input('notes', 'write', {}, { guildId: null }))).content).toMatch(
      /in a server/,
    );
    expect((await dispatcher.run(input('notes', 'write', {}, member))).content).toMatch(/Manage Server/);
    expect((await dispatcher.run(input('notes', 'write'))).content).toBe('written');
  });
});
