import {
  Client,
  Events,
  GatewayIntentBits,
  type Interaction,
  MessageFlags,
  SlashCommandBuilder,
} from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_IDS, type FakeDiscord, startFakeDiscord } from '../../tools/fake-discord/index.js';
import { type BotUnderTest, startBotUnderTest } from './bot-under-test.js';

const ids = DEFAULT_IDS;
const quiet = { parse: [] };
/** The bot's own guards: what it will download, and for how long it waits. */
const MAX_BYTES = 1_000_000;
const FETCH_TIMEOUT_MS = 150;

const definitions = [
  new SlashCommandBuilder()
    .setName('briefing')
    .setDescription('Briefings')
    .addSubcommand((s) =>
      s
        .setName('publish')
        .setDescription('Publishes a file')
        .addAttachmentOption((o) => o.setName('file').setDescription('The briefing').setRequired(true))
        .addStringOption((o) => o.setName('note').setDescription('A note')),
    ),
];

async function handle(interaction: Interaction): Promise<void> {
  if (!interaction.isChatInputCommand()) return;
  const file = interaction.options.getAttachment('file', true);
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const seen = { name: file.name, size: file.size, contentType: file.contentType, ephemeral: file.ephemeral };
  if (file.size > MAX_BYTES) {
    await interaction.editReply({
      content: JSON.stringify({ ...seen, refused: 'too big' }),
      allowedMentions: quiet,
    });
    return;
  }
  try {
    const response = await fetch(file.url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
    const text = await response.text();
    await interaction.editReply({ content: JSON.stringify({ ...seen, text }), allowedMentions: quiet });
  } catch (error) {
    const reason = (error as Error).name;
    await interaction.editReply({
      content: JSON.stringify({ ...seen, failed: reason }),
      allowedMentions: quiet,
    });
  }
}

interface Resolved {
  id: string;
  url: string;
  [field: string]: unknown;
}

/** The attachments an exchange's interaction carried in data.resolved, in order. */
const attachmentsOf = (exchange: { payload: unknown }): Resolved[] =>
  Object.values(
    (exchange.payload as { data: { resolved?: { attachments?: Record<string, Resolved> } } }).data.resolved
      ?.attachments ?? {},
  );

const answerOf = async (exchange: { answer(): Promise<Record<string, unknown>> }) =>
  JSON.parse(String((await exchange.answer()).content)) as Record<string, unknown>;

describe('attachment options and the local CDN', () => {
  let bot: BotUnderTest;
  let fake: FakeDiscord;
  let errors: unknown[];

  beforeAll(async () => {
    bot = await startBotUnderTest(definitions, handle, (fake) => ({ api: fake.apiUrl, cdn: fake.cdnUrl }));
    ({ fake, errors } = bot);
  });

  afterAll(() => bot.close());

  it('resolves the attachment as Discord does, and discord.js reads it and fetches its bytes', async () => {
    const content = '# Brief\n\nCeasefire talks — day two.\n';
    const exchange = await fake.command(
      'briefing publish',
      { file: { filename: 'brief.md', content, contentType: 'text/markdown' }, note: 'first' },
      { user: ids.users.editor },
    );
    const [attachment] = attachmentsOf(exchange);
    const id = String(attachment?.id);
    expect(exchange.payload.data).toMatchObject({
      options: [{ name: 'publish', options: [{ name: 'file', type: 11, value: id }, { name: 'note' }] }],
    });
    const size = Buffer.byteLength(content);
    expect(attachment).toEqual({
      id: expect.stringMatching(/^\d{17,19}$/),
      filename: 'brief.md',
      size,
      url: expect.stringMatching(
        new RegExp(`^${fake.cdnUrl}/ephemeral-attachments/${ids.channels.briefings}/${id}/brief\\.md\\?ex=`),
      ),
      proxy_url: expect.stringContaining(`/media/ephemeral-attachments/${ids.channels.briefings}/${id}/`),
      content_type: 'text/markdown',
      ephemeral: true,
    });
    expect(await answerOf(exchange)).toEqual({
      name: 'brief.md',
      size,
      contentType: 'text/markdown',
      ephemeral: true,
      text: content,
    });
    expect(fake.cdnRequests).toEqual([
      expect.objectContaining({ method: 'GET', attachmentId: id, status: 200, held: false, aborted: false }),
    ]);

    const response = await fetch(String(attachment?.url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/markdown');
    expect(response.headers.get('content-length')).toBe(String(size));
    expect(Buffer.from(await response.arrayBuffer())).toEqual(Buffer.from(content));
    expect(fake.attachmentBytes(id)?.toString()).toBe(content);
    expect(fake.violations).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('serves Buffers as they are, without a content type when none was given', async () => {
    const bytes = Buffer.from([0, 1, 2, 254, 255]);
    const exchange = await fake.command('briefing publish', {
      file: { filename: 'raw.bin', content: bytes },
    });
    const id = attachmentsOf(exchange)[0]?.id;
    expect(await answerOf(exchange)).toMatchObject({ name: 'raw.bin', size: 5, contentType: null });
    const request = await fake.waitForCdnRequest(id ?? '');
    expect(request.status).toBe(200);
  });

  it('claims a size other than the bytes when asked, so a bot can refuse a file without fetching it', async () => {
    const exchange = await fake.command('briefing publish', {
      file: { filename: 'huge.md', content: 'small really', size: 30_000_000 },
    });
    const id = attachmentsOf(exchange)[0]?.id;
    expect(await answerOf(exchange)).toMatchObject({ size: 30_000_000, refused: 'too big' });
    expect(fake.cdnRequests.some((request) => request.attachmentId === id)).toBe(false);
  });

  it("answers 404 to a link without its signature, or to one it never handed out, as Discord's CDN does", async () => {
    const exchange = await fake.command('briefing publish', { file: { filename: 'a.md', content: 'a' } });
    await exchange.answer();
    const [attachment] = attachmentsOf(exchange);
    const unsigned = String(attachment?.url).split('?')[0];
    expect((await fetch(unsigned ?? '')).status).toBe(404);
    expect((await fetch(`${fake.cdnUrl}/ephemeral-attachments/1/2/nothing.md`)).status).toBe(404);
    expect(fake.cdnRequests.at(-1)).toMatchObject({ status: 404, attachmentId: null });
  });

  it('refuses what Discord would never send: a file for a string option, a string for the file', async () => {
    await expect(
      fake.command('briefing publish', {
        file: { filename: 'a.md', content: 'a' },
        note: { filename: 'b.md', content: 'b' },
      }),
    ).rejects.toThrow(/option "note" has type 3; only an attachment option takes a file/);
    await expect(fake.command('briefing publish', { file: 'brief.md' })).rejects.toThrow(
      /option "file" wants an attachment \{ filename, content \}, got "brief.md"/,
    );
  });
});

describe('a CDN request that hangs', () => {
  it("holds the bot's download until its own timeout, and does not keep fake.close() waiting", async () => {
    const fake = await startFakeDiscord();
    const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl } });
    client.on(Events.InteractionCreate, (interaction) => {
      handle(interaction).catch(() => undefined);
    });
    const ready = new Promise((resolve) => client.once(Events.ClientReady, resolve));
    await client.login(fake.token);
    await ready;
    await client.application?.commands.set(
      definitions.map((d) => d.toJSON()),
      ids.guild,
    );

    const exchange = await fake.command('briefing publish', {
      file: { filename: 'stuck.md', content: 'never arrives', hang: true },
    });
    const id = attachmentsOf(exchange)[0]?.id;
    const held = await fake.waitForCdnRequest(id ?? '');
    expect(held.held).toBe(true);
    expect(held.status).toBeUndefined();
    expect(await answerOf(exchange)).toMatchObject({ name: 'stuck.md', failed: 'TimeoutError' });
    await fake.waitForCdnRequest((request) => request.attachmentId === id && request.aborted);

    // A download nobody gives up on: close() drops it rather than waiting for it.
    const url = attachmentsOf(exchange)[0]?.url;
    const pending = fetch(String(url)).then(
      () => 'answered',
      () => 'dropped',
    );
    await fake.waitForCdnRequest((request) => request.held && !request.aborted);
    await client.destroy();
    await fake.close();
    expect(await pending).toBe('dropped');
  });
});
