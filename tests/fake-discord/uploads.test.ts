/**
 * Files sent with messages (multipart/form-data: `payload_json` and `files[n]`): a real discord.js bot attaches a
 * PNG to an interaction reply, a follow-up and edits, and the fake stores them as Discord returns attachments and
 * serves their bytes; a discord.js REST client breaks each upload rule in turn and the fake answers and records it
 * as Discord would.
 */
import {
  DiscordAPIError,
  type Interaction,
  MessageFlags,
  type RawFile,
  REST,
  Routes,
  SlashCommandBuilder,
} from 'discord.js';
import { PNG } from 'pngjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_IDS, type FakeDiscord, startFakeDiscord } from '../../tools/fake-discord/index.js';
import { type BotUnderTest, startBotUnderTest } from './bot-under-test.js';

const ids = DEFAULT_IDS;
const quiet = { parse: [] };
const V2 = 1 << 15;
const ALT = 'Seats by party, 2024';

/** A real PNG of the given size, as the bot's chart renderer would make. */
function pngOf(width: number, height: number): Buffer {
  const png = new PNG({ width, height });
  png.data.fill(0x7f);
  return PNG.sync.write(png);
}

const chart = pngOf(40, 30);
const csv = Buffer.from('party,seats\nA,12\nB,9\n');
const gallery = (...names: string[]) => ({
  type: 12,
  items: names.map((name) => ({ media: { url: `attachment://${name}` } })),
});

const definitions = ['chart', 'chart-v2', 'chart-edit'].map((name) =>
  new SlashCommandBuilder().setName(name).setDescription('Draws a chart'),
);

async function handle(interaction: Interaction): Promise<void> {
  if (!interaction.isChatInputCommand()) return;
  if (interaction.commandName === 'chart') {
    await interaction.reply({
      content: 'Seats',
      files: [{ attachment: chart, name: 'chart.png', description: ALT }],
      allowedMentions: quiet,
    });
    await interaction.followUp({
      content: 'The data',
      files: [{ attachment: csv, name: 'seats.csv' }],
      allowedMentions: quiet,
    });
  } else if (interaction.commandName === 'chart-v2') {
    await interaction.deferReply();
    await interaction.editReply({
      flags: MessageFlags.IsComponentsV2,
      components: [{ type: 17, components: [{ type: 10, content: '## Seats' }, gallery('chart.png')] }],
      files: [{ attachment: chart, name: 'chart.png', description: ALT }],
      allowedMentions: quiet,
    });
  } else {
    await interaction.deferReply();
    const first = await interaction.editReply({
      content: 'Seats',
      files: [{ attachment: chart, name: 'chart.png' }],
      allowedMentions: quiet,
    });
    // Keep the chart, add the data: the attachments named stay, the new file is appended.
    await interaction.editReply({
      files: [{ attachment: csv, name: 'seats.csv' }],
      attachments: [...first.attachments.values()],
    });
  }
}

describe('a discord.js bot attaching files to interaction answers', () => {
  let bot: BotUnderTest;
  let fake: FakeDiscord;

  beforeAll(async () => {
    bot = await startBotUnderTest(definitions, handle, (fake) => ({ api: fake.apiUrl, cdn: fake.cdnUrl }));
    ({ fake } = bot);
  });

  afterAll(() => bot.close());

  it('stores a reply file as Discord returns it, PNG size and alt text included, and serves its bytes', async () => {
    const exchange = await fake.command('chart');
    await exchange.waitForFollowUps(1);
    const [attachment] = exchange.original?.attachments ?? [];
    expect(attachment).toEqual({
      id: expect.stringMatching(/^\d{17,19}$/),
      filename: 'chart.png',
      size: chart.length,
      url: expect.stringMatching(
        new RegExp(`^${fake.cdnUrl}/attachments/${ids.channels.briefings}/\\d+/chart\\.png\\?ex=`),
      ),
      proxy_url: expect.stringContaining(`/media/attachments/${ids.channels.briefings}/`),
      content_type: 'image/png',
      width: 40,
      height: 30,
      description: ALT,
    });
    expect(exchange.files()).toEqual([
      expect.objectContaining({
        filename: 'chart.png',
        contentType: 'image/png',
        bytes: chart,
        description: ALT,
      }),
    ]);
    const download = await fetch(String(attachment?.url));
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await download.arrayBuffer())).toEqual(chart);

    expect(exchange.followUpFiles(0)).toEqual([
      expect.objectContaining({ filename: 'seats.csv', bytes: csv, description: undefined }),
    ]);
    expect(fake.files(exchange.followUpMessageIds[0] ?? '')[0]?.bytes.toString()).toBe(csv.toString());
    expect(fake.violations).toEqual([]);
    expect(bot.errors).toEqual([]);
  });

  it('shows a Components V2 reply file through its media gallery, finishing a deferred reply', async () => {
    const exchange = await fake.command('chart-v2');
    await exchange.waitForEdits(1);
    expect(exchange.files()).toEqual([
      expect.objectContaining({ filename: 'chart.png', width: 40, height: 30 }),
    ]);
    expect(fake.violations).toEqual([]);
    expect(bot.errors).toEqual([]);
  });

  it('keeps the files an edit names and appends the ones it uploads', async () => {
    const exchange = await fake.command('chart-edit');
    await exchange.waitForEdits(2);
    expect(exchange.files().map((file) => [file.filename, file.bytes])).toEqual([
      ['chart.png', chart],
      ['seats.csv', csv],
    ]);
    expect(fake.violations).toEqual([]);
    expect(bot.errors).toEqual([]);
  });
});

describe('upload rules, broken one at a time through a discord.js REST client', () => {
  let fake: FakeDiscord;
  let rest: REST;

  const post = (body: Record<string, unknown>, files: RawFile[]) =>
    rest.post(Routes.channelMessages(ids.channels.briefings), {
      body: { allowed_mentions: quiet, ...body },
      files,
    }) as Promise<{ id: string; attachments: { filename: string }[] }>;
  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (error: unknown) =>
        error instanceof DiscordAPIError ? { status: error.status, code: error.code } : error,
    );
  const uploadProblems = () => fake.violations.filter((v) => v.kind === 'attachment').map((v) => v.message);

  const start = async (options: Parameters<typeof startFakeDiscord>[0] = {}) => {
    fake = await startFakeDiscord(options);
    rest = new REST({ api: fake.apiUrl, retries: 0 }).setToken(fake.token);
  };

  afterEach(() => fake.close());

  it('takes ten files, refuses an eleventh', async () => {
    await start();
    const files = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `f${i}.txt`, data: `${i}` }));
    const entries = (n: number) => Array.from({ length: n }, (_, i) => ({ id: String(i) }));
    const ten = await post({ attachments: entries(10) }, files(10));
    expect(ten.attachments).toHaveLength(10);
    expect(await refusal(post({ attachments: entries(11) }, files(11)))).toEqual({
      status: 400,
      code: 50035,
    });
    expect(uploadProblems()).toEqual(['11 files uploaded (limit 10)']);
  });

  it('records a file no attachments entry names, and refuses an entry that names no file', async () => {
    await start();
    const stored = await post({ content: 'x', attachments: [] }, [{ name: 'chart.png', data: chart }]);
    expect(fake.files(stored.id).map((file) => file.filename)).toEqual(['chart.png']);
    expect(
      await refusal(post({ content: 'x', attachments: [{ id: '1' }] }, [{ name: 'a.png', data: chart }])),
    ).toEqual({
      status: 400,
      code: 50035,
    });
    expect(uploadProblems()).toEqual([
      'files[0] (chart.png) has no attachments[] entry with id 0',
      'attachments[0] id 1 names no uploaded files[1]',
      'files[0] (a.png) has no attachments[] entry with id 0',
    ]);
  });

  it('stores a filename with other characters than letters, digits, _ - . as Discord rewrites it', async () => {
    await start();
    const stored = await post({ attachments: [{ id: '0' }] }, [{ name: 'seat chart (1).png', data: chart }]);
    expect(stored.attachments[0]?.filename).toBe('seat_chart__1_.png');
    expect(uploadProblems()).toEqual([
      'filename "seat chart (1).png" has characters Discord replaces: it is stored as "seat_chart__1_.png" (use letters, digits, _ - .)',
    ]);
  });

  it('refuses alt text over 1,024 characters', async () => {
    await start();
    const long = 'a'.repeat(1025);
    const answer = post({ attachments: [{ id: '0', description: long }] }, [{ name: 'c.png', data: chart }]);
    expect(await refusal(answer)).toEqual({ status: 400, code: 50035 });
    expect(uploadProblems()).toEqual(['files[0] (c.png) description is 1025 characters (limit 1024)']);
  });

  it('in a Components V2 message: refuses a component showing a file it lacks, records a file it never shows', async () => {
    await start();
    const missing = post({ flags: V2, components: [gallery('other.png')], attachments: [{ id: '0' }] }, [
      { name: 'chart.png', data: chart },
    ]);
    expect(await refusal(missing)).toEqual({ status: 400, code: 50035 });
    const unshown = await post(
      {
        flags: V2,
        components: [gallery('chart.png'), { type: 10, content: 'Data below' }],
        attachments: [{ id: '0' }, { id: '1' }],
      },
      [
        { name: 'chart.png', data: chart },
        { name: 'seats.csv', data: csv },
      ],
    );
    expect(unshown.attachments.map((a) => a.filename)).toEqual(['chart.png', 'seats.csv']);
    expect(uploadProblems()).toEqual([
      "a component shows attachment://other.png, which is not one of the message's files",
      expect.stringMatching(/^attachment not shown: chart\.png /),
      expect.stringMatching(
        /^attachment not shown: seats\.csv is in no thumbnail, media gallery or file component/,
      ),
    ]);
  });

  it("answers 413 40005 when the files weigh more than Discord's 10 MiB together", async () => {
    await start();
    const half = Buffer.alloc(5 * 1024 * 1024);
    const entries = [{ id: '0' }, { id: '1' }];
    const fits = await post({ attachments: entries }, [
      { name: 'a.bin', data: half },
      { name: 'b.bin', data: half },
    ]);
    expect(fake.files(fits.id).map((file) => file.size)).toEqual([half.length, half.length]);
    const over = post({ attachments: entries }, [
      { name: 'a.bin', data: half },
      { name: 'b.bin', data: Buffer.alloc(half.length + 1) },
    ]);
    expect(await refusal(over)).toEqual({ status: 413, code: 40005 });
    expect(fake.violations).toEqual([
      expect.objectContaining({
        kind: 'attachment',
        route: 'POST /channels/{channel_id}/messages',
        message: `files weigh ${10 * 1024 * 1024 + 1} bytes together (limit ${10 * 1024 * 1024})`,
      }),
    ]);
    expect(fake.messages(ids.channels.briefings)).toHaveLength(1);
  });

  it('holds to a smaller limit when told', async () => {
    await start({ uploadLimitBytes: 1000 });
    const answer = post({ attachments: [{ id: '0' }] }, [{ name: 'c.png', data: Buffer.alloc(1001) }]);
    expect(await refusal(answer)).toEqual({ status: 413, code: 40005 });
  });
});
