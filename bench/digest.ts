/**
 * Digest fan-out: one digest due in 1,000 channels in the same minute, through the real discord.js client and
 * @discordjs/rest against the fake enforcing Discord's global limit of 50 requests a second and the per-channel
 * message limit. The floor is channels / limit; the figure to watch is how close delivery comes to it.
 */

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp } from '../src/app.js';
import { readConfig } from '../src/config.js';
import { SqliteDigestStore } from '../src/store/sqlite/digest-store.js';
import { briefingAbout, briefingFolder } from '../tools/briefing-files.js';
import { DEFAULT_IDS } from '../tools/fake-discord/index.js';
import { channelIdsFor, fakeWithTextChannels, GLOBAL_PER_SECOND } from './digest-channels.js';
import { until } from './processes.js';
import type { Report } from './stats.js';

const CHANNELS = 1_000;

/**
 * What the durable ledger costs per channel: the writes one digest makes (the pending row with its message, then
 * sent with its message id and its briefings), each committed and synced to disk, timed on their own.
 */
async function ledgerWritesPerChannel(dbDir: string): Promise<number> {
  const store = SqliteDigestStore.open(join(dbDir, 'ledger-cost.sqlite'));
  const rounds = 500;
  const start = performance.now();
  for (let index = 0; index < rounds; index++) {
    const at = new Date();
    const id = await store.addDelivery({
      guildId: DEFAULT_IDS.guild,
      channelId: `1300000000000${String(index).padStart(5, '0')}`,
      kind: 'scheduled',
      localDate: '2026-03-30',
      fireAt: at,
      status: 'pending',
      reason: null,
      briefingIds: ['bench'],
      parts: [{ nonce: `cost.${index}`, payload: { content: 'digest' } }],
      at,
    });
    await store.markSent(id!, null, at, { part: 0, messageId: String(index) });
  }
  const perChannel = (performance.now() - start) / rounds;
  await store.close();
  return perChannel;
}

export async function benchDigest(report: Report): Promise<void> {
  const channelIds = channelIdsFor('12900000000000', CHANNELS);
  const fake = await fakeWithTextChannels(channelIds);
  const dir = await briefingFolder({
    '2026-03-30-bench.md': briefingAbout('bench', '2026-03-30', 'Ukraine'),
  });
  const dbDir = await mkdtemp(join(tmpdir(), 'briefing-bench-digest-'));
  let now = new Date('2026-03-30T07:00:00Z');
  const config = readConfig({
    DISCORD_TOKEN: fake.token,
    DISCORD_API_URL: fake.apiUrl,
    DISCORD_GUILD_ID: DEFAULT_IDS.guild,
    BRIEFINGS_DIR: dir,
    DATABASE_PATH: join(dbDir, 'bot.sqlite'),
    LOG_LEVEL: 'silent',
  });
  const app = await startApp({ config, now: () => now, watch: false });
  try {
    for (const channelId of channelIds) {
      await app.digests.subscriptions.subscribe({
        guildId: DEFAULT_IDS.guild,
        channelId,
        time: '08:00',
        timezone: 'UTC',
      });
    }
    report.note(`Digest fan-out: ${CHANNELS} channels due at once, global limit ${GLOBAL_PER_SECOND}/s`);
    const sent = () =>
      fake.requests.filter(
        (r) => r.method === 'POST' && /\/channels\/\d+\/messages$/.test(r.path) && r.status === 200,
      ).length;
    const limitedBefore = fake.stats.rateLimited;
    now = new Date('2026-03-30T08:00:01Z');
    const start = performance.now();
    await app.digests.runDue();
    await until(() => sent() >= CHANNELS, 'every channel to receive its digest', 300_000);
    const seconds = (performance.now() - start) / 1000;
    const floor = CHANNELS / GLOBAL_PER_SECOND;
    report.add({ metric: 'digest_fanout_1000_seconds', value: seconds, unit: 's' });
    report.add({ metric: 'digest_fanout_floor_seconds', value: floor, unit: 's' });
    report.add({ metric: 'digest_fanout_vs_floor', value: seconds / floor, unit: 'x', target: '< 1.1' });
    const ledgerMs = await ledgerWritesPerChannel(dbDir);
    report.add({ metric: 'digest_ledger_synced_writes_per_channel', value: ledgerMs, unit: 'ms' });
    report.add({
      metric: 'digest_ledger_share_of_floor',
      value: (ledgerMs * CHANNELS) / 1000 / floor,
      unit: 'x',
    });
    report.add({
      metric: 'digest_fanout_429s',
      value: fake.stats.rateLimited - limitedBefore,
      unit: 'count',
    });
    const statuses = (await app.digests.status(DEFAULT_IDS.guild, undefined, CHANNELS)).filter(
      (r) => r.status === 'sent',
    ).length;
    report.add({
      metric: 'digest_fanout_sent_in_ledger',
      value: statuses,
      unit: 'count',
      target: String(CHANNELS),
    });
  } finally {
    await app.stop();
    await fake.close();
    await rm(dbDir, { recursive: true, force: true });
  }
}
