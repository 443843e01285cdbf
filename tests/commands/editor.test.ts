/**
 * /editor through the dispatcher, on a real briefing folder followed by the live library: the guards, the form,
 * the preview and its buttons, saving (and the question before replacing), unpublishing to .trash and Undo.
 * End to end through discord.js: tests/e2e/editor.e2e.test.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CommandDispatcher } from '../../src/commands/dispatch.js';
import { allCommands } from '../../src/commands/index.js';
import type { CommandInput, Invoker } from '../../src/commands/types.js';
import type { TextFileRead } from '../../src/files/read-text-file.js';
import { LiveLibrary } from '../../src/library/live-library.js';
import type { Reply } from '../../src/message/payload.js';
import { Publisher } from '../../src/publish/publisher.js';
import { Publishing } from '../../src/publish/publishing.js';
import { buttonsOf, textOf, titleOf } from '../support/message-text.js';
import { GUILD, noDigests } from '../support/services.js';

const log = pino({ level: 'silent' });
const WRITERS = '555555555555555555';
const editor: Invoker = {
  user: { id: '222222222222222222', name: 'writer' },
  guildId: GUILD,
  channelId: '333333333333333331',
  canManageServer: false,
  roleIds: [WRITERS],
};
const reader: Invoker = { ...editor, user: { id: '444444444444444444', name: 'reader' }, roleIds: [] };

const BRIEF = [
  'Grain corridor talks resume in Istanbul',
  '',
  'Negotiators from Russia and Ukraine met in Istanbul on Monday.',
  '',
  'What happened',
  '- Delegations met for six hours.',
  '',
  'Why it matters',
  '- Exports through the Black Sea depend on a deal.',
  '',
  'Implications',
  '- A second round is planned for next week.',
].join('\n');

let dir: string;
let live: LiveLibrary;
let dispatcher: CommandDispatcher;
let downloads: string[];

function input(subcommand: string, who: Invoker, options: CommandInput['options'] = {}): CommandInput {
  return { command: 'editor', subcommand, options, channels: {}, attachments: {}, ...who };
}

/** The custom_id of the answer's button with this label. */
function buttonId(reply: Reply, label: string): string {
  const found = buttonsOf(reply).find((button) => button.label === label)?.customId;
  if (!found) throw new Error(`no ${label} button in: ${textOf(reply)}`);
  return found;
}

async function preview(text = BRIEF, who = editor): Promise<Reply> {
  const form = await dispatcher.run(input('publish', who));
  expect(form.modal?.custom_id).toBe('editor:form');
  return (
    await dispatcher.modal(form.modal!.custom_id, { brief: text, title: '', date: '2026-01-05' }, who, false)
  ).reply;
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'briefing-editor-'));
  live = await LiveLibrary.load(dir, log, { indexPath: ':memory:' });
  await live.watch();
  downloads = [];
  const attachments: Record<string, TextFileRead> = {
    'https://cdn/brief.txt': { ok: true, text: BRIEF },
    'https://cdn/zip.txt': { ok: false, failure: 'binary', message: 'this is a binary file, not text' },
  };
  const publishing = new Publishing(
    new Publisher(dir, log),
    [WRITERS],
    async ({ url }) => {
      downloads.push(url);
      return attachments[url] ?? { ok: false, failure: 'unreadable', message: 'not found' };
    },
    (files) => live.refresh(files),
  );
  dispatcher = new CommandDispatcher(
    allCommands,
    {
      library: () => live.library(),
      digests: noDigests,
      defaultTimezone: 'UTC',
      now: () => new Date('2026-01-05T09:00:00Z'),
      publishing,
    },
    log,
  );
});

afterEach(async () => {
  await live.close();
  await rm(dir, { recursive: true, force: true });
});

describe('/editor guards', () => {
  it('refuses members who are neither managers nor in an editor role, and direct messages', async () => {
    expect(textOf(await dispatcher.run(input('publish', reader)))).toMatch(/Only editors can publish/);
    expect(textOf(await dispatcher.run(input('publish', { ...reader, guildId: null })))).toMatch(
      /in a server/,
    );
    expect(
      (await dispatcher.run(input('publish', { ...reader, canManageServer: true }))).modal,
    ).toBeDefined();
    expect((await dispatcher.run(input('publish', editor))).modal).toBeDefined();
  });

  it('holds buttons and forms to the same guard, and to the editor who started', async () => {
    const shown = await preview();
    const save = buttonId(shown, 'Save');
    expect(textOf((await dispatcher.button(save, reader)).reply)).toMatch(/Only editors can publish/);
    const colleague = { ...editor, user: { id: '666666666666666666', name: 'colleague' } };
    expect(textOf((await dispatcher.button(save, colleague)).reply)).toMatch(/belong to the editor/);
    expect(textOf((await dispatcher.modal('editor:form', { brief: BRIEF }, reader, false)).reply)).toMatch(
      /Only editors/,
    );
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('/editor publish', () => {
  it('opens the form with today prefilled, previews, saves, and the library serves it', async () => {
    const form = await dispatcher.run(input('publish', editor));
    expect(JSON.stringify(form.modal)).toContain('"value":"2026-01-05"');
    const shown = await preview();
    expect(shown.ephemeral).toBe(true);
    expect(textOf(shown)).toContain('`2026-01-05-grain-corridor-talks-resume-in-istanbul.md`');
    expect(textOf(shown)).toMatch(/Parties found: .*Russia/);
    expect(titleOf(shown)).toBe('Grain corridor talks resume in Istanbul');

    const saved = await dispatcher.button(buttonId(shown, 'Save'), editor);
    expect(saved.update).toBe(true);
    expect(textOf(saved.reply)).toMatch(/Saved \*\*Grain corridor talks resume in Istanbul\*\*/);
    const file = join(dir, '2026-01-05-grain-corridor-talks-resume-in-istanbul.md');
    expect(readFileSync(file, 'utf8')).toMatch(/^---\ntitle: Grain corridor talks resume in Istanbul\n/);
    await vi.waitFor(
      () => expect(live.library().get('grain-corridor-talks-resume-in-istanbul')).toBeDefined(),
      {
        timeout: 5_000,
      },
    );
    // The preview is spent: its buttons no longer do anything.
    expect(textOf((await dispatcher.button(buttonId(shown, 'Save'), editor)).reply)).toMatch(/expired/);
  });

  it('asks before replacing a briefing with the same id, and keeps the old file in .trash', async () => {
    const first = await preview();
    await dispatcher.button(buttonId(first, 'Save'), editor);
    expect(live.library().size).toBe(1);

    const second = await preview(BRIEF.replace('six hours', 'seven hours'));
    const asked = await dispatcher.button(buttonId(second, 'Save'), editor);
    expect(textOf(asked.reply)).toMatch(/already published.*Replace it\?/s);
    const replaced = await dispatcher.button(buttonId(asked.reply, 'Replace'), editor);
    expect(textOf(replaced.reply)).toMatch(/Saved .* replaces is in `\.trash\/2026-01-05-grain/);
    expect(readdirSync(join(dir, '.trash'))).toEqual([
      '2026-01-05-grain-corridor-talks-resume-in-istanbul.md',
    ]);
    expect(live.library().get('grain-corridor-talks-resume-in-istanbul')?.sections.whatHappened).toEqual([
      'Delegations met for seven hours.',
    ]);
  });

  it('reopens the form with the text on Edit, and cancels without writing', async () => {
    const shown = await preview(BRIEF.replace('Implications', 'Implications:'));
    const edit = await dispatcher.button(buttonId(shown, 'Edit'), editor);
    const form = edit.reply.modal!;
    expect(form.custom_id).toMatch(/^editor:form:[a-z0-9]+$/);
    expect(JSON.stringify(form)).toContain('Delegations met for six hours.');
    const edited = await dispatcher.modal(
      form.custom_id,
      { brief: BRIEF.replace('Istanbul', 'Ankara'), date: '2026-01-05' },
      editor,
      true,
    );
    expect(edited.update).toBe(true);
    expect(textOf(edited.reply)).toContain('2026-01-05-grain-corridor-talks-resume-in-ankara.md');
    const cancelled = await dispatcher.button(buttonId(edited.reply, 'Cancel'), editor);
    expect(textOf(cancelled.reply)).toMatch(/Cancelled: nothing was saved/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('says what to fix in a brief it cannot save, and keeps the text for Edit', async () => {
    const shown = await preview('Just a paragraph of prose about the talks, with no headings at all.');
    expect(textOf(shown)).toMatch(/cannot be saved yet[\s\S]*not a briefing/);
    expect(() => buttonId(shown, 'Save')).toThrow();
    const edit = await dispatcher.button(buttonId(shown, 'Edit'), editor);
    expect(JSON.stringify(edit.reply.modal)).toContain('Just a paragraph of prose');
  });

  it('reads an attached brief, and refuses other files, large ones before downloading, and binary text', async () => {
    const attach = (name: string, url: string, size = 600) =>
      dispatcher.run({
        ...input('publish', editor, { file: '1' }),
        attachments: { file: { id: '1', name, size, url } },
      });
    // Undated, it cannot be saved yet; Edit offers the form with today's date ready.
    const undated = await attach('brief.txt', 'https://cdn/brief.txt');
    expect(textOf(undated)).toMatch(/no date/);
    const edit = await dispatcher.button(buttonId(undated, 'Edit'), editor);
    expect(JSON.stringify(edit.reply.modal)).toContain('"value":"2026-01-05"');
    const dated = await attach('2026-01-02-brief.txt', 'https://cdn/brief.txt');
    expect(textOf(dated)).toContain('Save writes `2026-01-02-grain-corridor');
    expect(textOf(await attach('brief.pdf', 'https://cdn/brief.pdf'))).toMatch(
      /attach a \.txt, \.md or \.json/,
    );
    expect(textOf(await attach('big.md', 'https://cdn/big.md', 5 * 1024 * 1024))).toMatch(
      /big\.md is 5\.0 MB: a brief must be under 1 MB/,
    );
    expect(textOf(await attach('zip.txt', 'https://cdn/zip.txt'))).toMatch(/zip\.txt: this is a binary file/);
    expect(downloads).toEqual(['https://cdn/brief.txt', 'https://cdn/brief.txt', 'https://cdn/zip.txt']);
  });
});

describe('/editor unpublish', () => {
  it('moves the file to .trash once confirmed, and Undo puts it back', async () => {
    await writeFile(
      join(dir, '2026-01-04-talks.md'),
      `---\ntitle: Talks\ndate: 2026-01-04\nsummary: Talks.\n---\n\n## What happened\n\n- They met.\n`,
    );
    await vi.waitFor(() => expect(live.library().get('talks')).toBeDefined(), { timeout: 5_000 });

    const asked = await dispatcher.run(input('unpublish', editor, { id: 'talks' }));
    expect(textOf(asked)).toMatch(/Unpublish \*\*Talks\*\*/);
    const kept = await dispatcher.button(buttonId(asked, 'Keep it'), editor);
    expect(textOf(kept.reply)).toMatch(/Kept/);
    expect(existsSync(join(dir, '2026-01-04-talks.md'))).toBe(true);

    const again = await dispatcher.run(input('unpublish', editor, { id: 'talks' }));
    const trashed = await dispatcher.button(buttonId(again, 'Move to trash'), editor);
    expect(textOf(trashed.reply)).toContain('`.trash/2026-01-04-talks.md`');
    expect(existsSync(join(dir, '2026-01-04-talks.md'))).toBe(false);
    expect(live.library().get('talks')).toBeUndefined();

    const restored = await dispatcher.button(buttonId(trashed.reply, 'Undo'), editor);
    expect(textOf(restored.reply)).toMatch(/Restored \*\*Talks\*\*/);
    expect(live.library().get('talks')?.title).toBe('Talks');
    expect(readdirSync(join(dir, '.trash'))).toEqual([]);
  });

  it('names the closest ids for one it does not know', async () => {
    expect(textOf(await dispatcher.run(input('unpublish', editor, { id: 'nothing' })))).toMatch(
      /No briefing with id/,
    );
  });
});
