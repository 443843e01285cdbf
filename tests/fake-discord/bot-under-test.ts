/**
 * A real discord.js client logged in to a fresh fake Discord, with the test's commands registered in the default
 * guild and every interaction handed to the test's handler (its failures collected in `errors`).
 */
import {
  Client,
  type ClientOptions,
  Events,
  GatewayIntentBits,
  type Interaction,
  type RESTPostAPIApplicationCommandsJSONBody,
} from 'discord.js';
import { DEFAULT_IDS, type FakeDiscord, startFakeDiscord } from '../../tools/fake-discord/index.js';

export interface BotUnderTest {
  fake: FakeDiscord;
  client: Client;
  errors: unknown[];
  close(): Promise<void>;
}

export async function startBotUnderTest(
  definitions: readonly { toJSON(): RESTPostAPIApplicationCommandsJSONBody }[],
  handle: (interaction: Interaction) => Promise<unknown>,
  rest: (fake: FakeDiscord) => ClientOptions['rest'] = (fake) => ({ api: fake.apiUrl }),
): Promise<BotUnderTest> {
  const fake = await startFakeDiscord();
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: rest(fake) });
  const errors: unknown[] = [];
  client.on(Events.InteractionCreate, (interaction) => {
    handle(interaction).catch((error: unknown) => errors.push(error));
  });
  const ready = new Promise((resolve) => client.once(Events.ClientReady, resolve));
  await client.login(fake.token);
  await ready;
  await client.application?.commands.set(
    definitions.map((definition) => definition.toJSON()),
    DEFAULT_IDS.guild,
  );
  return {
    fake,
    client,
    errors,
    async close() {
      await client.destroy();
      await fake.close();
    },
  };
}
