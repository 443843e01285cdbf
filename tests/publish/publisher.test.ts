/** The folder's writer: only inside the folder, never over a file, trash and back again, each change logged. */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PENDING_TTL_MS, PendingStore } from '../../src/publish/pending.js';
import { Publisher } from '../../src/publish/publisher.js';

const editor = { id: '222222222222222222', name: 'writer' };
let dir: string;
let lines: Record<string, unknown>[];
let publisher: Publisher;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'briefing-publisher-'));
  lines = [];
  const log = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  publisher = new Publisher(dir, log);
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('Publisher', () => {
  it('saves a new file, never over an existing one, and logs the editor', async () => {
    expect(await publisher.save('2026-01-05-talks.md', 'first\n', editor)).toEqual({
      ok: true,
      file: '2026-01-05-talks.md',
    });
    expect(await publisher.save('2026-01-05-talks.md', 'second\n', editor)).toMatchObject({
      ok: false,
      failure: 'exists',
    });
    expect(readFileSync(join(dir, '2026-01-05-talks.md'), 'utf8')).toBe('first\n');
    expect(lines).toContainEqual(
      expect.objectContaining({ msg: 'briefing published', editor: editor.id, file: '2026-01-05-talks.md' }),
    );
  });

  it('writes nothing outside the folder or into its hidden folders', async () => {
    for (const name of ['../escape.md', 'news/a.md', '.hidden.md', '/tmp/abs.md', '.trash/x.md'])
      expect(await publisher.save(name, 'x', editor)).toMatchObject({ ok: false, failure: 'outside' });
    expect(await publisher.trash('/etc/hostname', editor)).toMatchObject({ ok: false, failure: 'outside' });
    expect(await publisher.trash(join(dir, '..', 'x.md'), editor)).toMatchObject({
      ok: false,
      failure: 'outside',
    });
    expect(await publisher.restore('../x.md', 'x.md', editor)).toMatchObject({
      ok: false,
      failure: 'outside',
    });
    expect(await publisher.restore('.trash/x.md', '../x.md', editor)).toMatchObject({
      ok: false,
      failure: 'outside',
    });
    expect(existsSync(join(dir, '..', 'escape.md'))).toBe(false);
  });

  it('trashes keeping the file’s place, numbers a second copy, and restores unless the place is taken', async () => {
    await mkdir(join(dir, 'news'));
    await writeFile(join(dir, 'news/a.md'), 'one');
    const first = await publisher.trash(join(dir, 'news/a.md'), editor);
    expect(first).toEqual({ ok: true, file: join('.trash', 'news', 'a.md') });
    await writeFile(join(dir, 'news/a.md'), 'two');
    const second = await publisher.trash(join(dir, 'news/a.md'), editor);
    expect(second).toEqual({ ok: true, file: join('.trash', 'news', 'a.2.md') });
    expect(readFileSync(join(dir, '.trash/news/a.md'), 'utf8')).toBe('one');

    await writeFile(join(dir, 'news/a.md'), 'three');
    expect(await publisher.restore(join('.trash', 'news', 'a.md'), 'news/a.md', editor)).toMatchObject({
      ok: false,
      failure: 'exists',
    });
    expect(readFileSync(join(dir, 'news/a.md'), 'utf8')).toBe('three');
    await rm(join(dir, 'news/a.md'));
    expect(await publisher.restore(join('.trash', 'news', 'a.md'), 'news/a.md', editor)).toEqual({
      ok: true,
      file: join('news', 'a.md'),
    });
    expect(readFileSync(join(dir, 'news/a.md'), 'utf8')).toBe('one');
    expect(await publisher.trash(join(dir, 'gone.md'), editor)).toMatchObject({ ok: false, failure: 'gone' });
    expect(lines.map((line) => line.msg)).toEqual([
      'briefing unpublished',
      'briefing unpublished',
      'briefing restored',
    ]);
  });
});

describe('PendingStore', () => {
  it('gives a value to its owner only, until it expires', () => {
    let now = 0;
    const store = new PendingStore<string>(() => now);
    const token = store.put('a', 'draft');
    expect(token).toMatch(/^[a-z0-9]{10}$/);
    expect(store.get(token, 'a')).toEqual({ ok: true, value: 'draft' });
    expect(store.get(token, 'b')).toEqual({ ok: false, reason: 'not-yours' });
    now = PENDING_TTL_MS;
    expect(store.get(token, 'a')).toEqual({ ok: false, reason: 'expired' });
  });

  it('keeps a few per owner: the oldest gives way', () => {
    const store = new PendingStore<number>();
    const tokens = [1, 2, 3, 4, 5, 6].map((value) => store.put('a', value));
    expect(store.get(tokens[0]!, 'a').ok).toBe(false);
    expect(tokens.slice(1).every((token) => store.get(token, 'a').ok)).toBe(true);
  });
});
