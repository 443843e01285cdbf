/**
 * /editor end to end: the real discord.js client, started by startApp with the folder watched, against the fake
 * Discord, which checks every form, answer and update against Discord's schema and limits. An editor pastes a
 * brief of each layout family, sees the preview, saves it and finds it with /briefing show; attachments come from
 * the fake's CDN; unpublish moves a file to .trash and Undo brings it back.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MessageFlags } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { briefingFolder } from '../../tools/briefing-files.js';
import {
  type FakeDiscord,
  type InteractionExchange,
  startFakeDiscord,
} from '../../tools/fake-discord/index.js';
import { repoRoot } from '../briefing/helpers.js';
import { buttonsOf, textOf, titleOf } from '../support/message-text.js';
import { databasePath, E2E_TEST_TIMEOUT_MS, ids, startBot } from './harness.js';

let fake: FakeDiscord;
let app: RunningApp;
let dir: string;
const editor = ids.users.editor;
const reader = ids.users.reader;
const fixtures = join(repoRoot, 'tests/fixtures');

beforeAll(async () => {
  fake = await startFakeDiscord();
  dir = await briefingFolder();
  app = await startBot(fake, {
    briefingsDir: dir,
    databasePath: await databasePath(),
    watch: true,
    env: { EDITOR_ROLE_IDS: ids.roles.writers },
    attachmentTimeoutMs: 1_000,
  });
}, E2E_TEST_TIMEOUT_MS);

afterAll(async () => {
  await app?.stop();
  await fake?.close();
});

interface Data {
  content?: string;
  flags?: number;
  components?: unknown[];
}

const dataOf = (exchange: InteractionExchange) => (exchange.callback.data ?? {}) as Data;
/** The words of what an exchange answered with (a notice's content, a card's text). */
const textIn = (exchange: InteractionExchange) => textOf(exchange.callback.data);

/** Presses the button with this label on the message an exchange answered with (or updated). */
async function press(
  exchange: InteractionExchange,
  label: string,
  user = editor,
): Promise<InteractionExchange> {
  const message = exchange.original;
  const button = buttonsOf(exchange.callback.data).find((component) => component.label === label);
  if (!message || !button?.customId) throw new Error(`no ${label} button: ${textIn(exchange)}`);
  return fake.button(button.customId, { message, user });
}

/** /editor publish, the form filled with the brief, and the preview it answers with. */
async function pastePreview(brief: string, date = '2026-01-05'): Promise<InteractionExchange> {
  const opened = await fake.command('editor publish', {}, { user: editor });
  expect(opened.callback.type).toBe(9);
  return opened.submitModal({ brief, date });
}

const families = {
  'markdown with front matter': read('briefings/markdown/2025-12-15-canonical.md'),
  'markdown headings': read('briefings/markdown/2025-12-16-heading-title.md'),
  'plain-text brief': read('briefings/brief/2025-12-14-pasted-brief.txt'),
  JSON: read('briefings/json/2025-12-15-valid.json'),
  'newsroom page': read('newsroom/briefs/kenya-ruto-drops-finance-bill.txt'),
};

function read(path: string): string {
  return readFileSync(join(fixtures, path), 'utf8');
}

describe('/editor through discord.js', () => {
  it('is registered for servers only, shown to managers; a member who is no editor is refused when running it', async () => {
    const command = fake.commands(ids.guild).find((registered) => registered.name === 'editor');
    expect(command?.default_member_permissions).toBe('32');
    expect(command?.contexts).toEqual([0]);

    const refused = await fake.command('editor publish', {}, { user: reader });
    expect(refused.callback.type).toBe(4);
    expect(dataOf(refused)).toMatchObject({ flags: MessageFlags.Ephemeral });
    expect(textIn(refused)).toMatch(/Only editors can publish/);
    expect(refused.modal).toBeUndefined();
  });

  it.each(Object.entries(families))(
    'publishes a pasted %s: preview, save, /briefing show',
    async (_family, brief) => {
      const preview = await pastePreview(brief);
      expect(preview.callback.type).toBe(4);
      expect(dataOf(preview).flags).toBe(MessageFlags.Ephemeral | MessageFlags.IsComponentsV2);
      const file = /Save writes `([^`]+)` \(id `([^`]+)`\)/.exec(textIn(preview));
      if (!file) throw new Error(`no preview: ${textIn(preview)}`);
      const title = titleOf(preview.callback.data);

      const saved = await press(preview, 'Save');
      expect(saved.callback.type).toBe(7);
      // The preview was V2, so what replaces it is V2 too: the notice, with no buttons left.
      expect(dataOf(saved).flags).toBe(MessageFlags.IsComponentsV2);
      expect(textIn(saved)).toMatch(/Saved/);
      expect(buttonsOf(saved.callback.data)).toEqual([]);
      expect(existsSync(join(dir, file[1]!))).toBe(true);

      // Asked right after "Saved", with no wait: the library read the file before answering.
      const shown = await fake.command('briefing show', { id: file[2]! }, { user: reader });
      expect(titleOf(shown.callback.data)).toBe(title);
      expect(fake.describeViolations()).toBe('');
    },
  );

  it('asks before replacing a briefing with the same id; Replace keeps the old file in .trash', async () => {
    const brief = families['plain-text brief'];
    const preview = await pastePreview(brief.replace('Date:', 'Dated:'));
    const asked = await press(preview, 'Save');
    expect(asked.callback.type).toBe(7);
    expect(textIn(asked)).toMatch(/already published.*Replace it\?/s);
    const replaced = await press(asked, 'Replace');
    expect(textIn(replaced)).toMatch(/replaces is in `\.trash\//);
    expect(readdirSync(join(dir, '.trash')).length).toBeGreaterThan(0);
    expect(fake.describeViolations()).toBe('');
  });

  it('Edit reopens the form with the text, and the sent form replaces the preview', async () => {
    const preview = await pastePreview('Just a paragraph about the talks, with no headings.');
    expect(textIn(preview)).toMatch(/cannot be saved yet/);
    const edit = await press(preview, 'Edit');
    expect(edit.callback.type).toBe(9);
    expect(JSON.stringify(edit.modal)).toContain('Just a paragraph about the talks');
    const fixed = await edit.submitModal({ brief: families['newsroom page'] });
    expect(fixed.callback.type).toBe(7);
    expect(textIn(fixed)).toMatch(/Preview/);
    const cancelled = await press(fixed, 'Cancel');
    expect(textIn(cancelled)).toMatch(/Cancelled/);
    expect(fake.describeViolations()).toBe('');
  });

  it('reads an attached brief from the CDN, and refuses other files, large ones, binary ones and stalled downloads', async () => {
    const attach = (file: {
      filename: string;
      content: string | Uint8Array;
      size?: number;
      hang?: boolean;
    }) => fake.command('editor publish', { file }, { user: editor });
    const good = await attach({ filename: '2026-01-07-brief.txt', content: families['plain-text brief'] });
    expect(textIn(good)).toMatch(/Preview/);

    const before = fake.cdnRequests.length;
    const pdf = await attach({ filename: 'brief.pdf', content: '%PDF-1.7' });
    expect(textIn(pdf)).toMatch(/attach a \.txt, \.md or \.json file/);
    const large = await attach({ filename: 'big.md', content: 'x', size: 30_000_000 });
    expect(textIn(large)).toMatch(/big\.md is 28\.6 MB: a brief must be under 1 MB/);
    // Neither was downloaded.
    expect(fake.cdnRequests.length).toBe(before);

    const binary = await attach({ filename: 'scan.txt', content: new Uint8Array([0x50, 0x4b, 0, 3, 0x14]) });
    expect(textIn(binary)).toMatch(/scan\.txt: this is a binary file, not text/);
    const stalled = await attach({ filename: 'slow.md', content: 'never sent', hang: true });
    expect(textIn(stalled)).toMatch(/slow\.md: the download took longer than 1 s/);
    for (const answer of [pdf, large, binary, stalled])
      expect(dataOf(answer).flags).toBe(MessageFlags.Ephemeral);
    expect(fake.describeViolations()).toBe('');
  });

  it('unpublishes to .trash once confirmed, and Undo restores it', async () => {
    const asked = await fake.command('editor unpublish', { id: 'berlin-talks-second-day' }, { user: editor });
    expect(textIn(asked)).toMatch(/^Unpublish \*\*/);
    const trashed = await press(asked, 'Move to trash');
    expect(textIn(trashed)).toMatch(/Unpublished/);
    const gone = await fake.command('briefing show', { id: 'berlin-talks-second-day' }, { user: reader });
    expect(textIn(gone)).toMatch(/No briefing with id/);

    const undone = await press(trashed, 'Undo');
    expect(textIn(undone)).toMatch(/Restored/);
    const back = await fake.command('briefing show', { id: 'berlin-talks-second-day' }, { user: reader });
    expect(titleOf(back.callback.data)).toMatch(/Berlin talks/);
    expect(fake.describeViolations()).toBe('');
  });

  it('the next digest carries a briefing published today', async () => {
    const channel = ids.channels.briefings;
    const subscribed = await fake.command(
      'digest subscribe',
      { channel, time: '23:59', timezone: 'UTC' },
      { user: ids.users.manager },
    );
    expect(textIn(subscribed)).toMatch(/^Subscribed/);
    const opened = await fake.command('editor publish', {}, { user: editor });
    const today = new Date().toISOString().slice(0, 10);
    const title = 'Reassurance force plans reach NATO ministers';
    const preview = await opened.submitModal({ brief: families['plain-text brief'], date: today, title });
    const saved = await press(preview, 'Save');
    expect(textIn(saved)).toMatch(/Saved/);

    const sent = await fake.command('digest send-now', { channel }, { user: ids.users.manager });
    // Acknowledged first: the digest is posted after the deferral, before the answer that says so.
    expect(String((await sent.answer(30_000)).content)).toMatch(/^Posted/);
    expect(JSON.stringify(fake.messages(channel))).toContain(title);
    expect(fake.describeViolations()).toBe('');
  });
});
