import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadBriefingFolder } from '../../src/briefing/load.js';
import { isWarning } from '../../src/briefing/model.js';
import { parseBriefing } from '../../src/briefing/parse.js';
import { withTempDir } from './helpers.js';

const names = ['2025-12-15-a.md', 'b.markdown', '2025-12-15-c.txt', 'd.json'];

/** Pieces real briefings are made of, so generated text reaches deep into the parsers. */
const piece = fc.constantFrom(
  '---',
  '...',
  'title: T',
  'date: 2025-12-15',
  'date: 2025-02-30',
  'summary: S',
  'tags: [a, b]',
  'source:\n  name: X\n  url: nope',
  '# Title',
  '## What happened',
  'WHY IT MATTERS',
  'Implications:',
  'Why it matters: text',
  '**The big picture:**',
  '- bullet',
  '  • bullet',
  '1. item',
  '> quote',
  'NEWS BRIEF',
  'This briefing is based on information from X.',
  'Latest Articles',
  'Date: 2025-12-15',
  'Tags: x, y',
  '{"title": "x", "sections": {"whatHappened": ["a"]}}',
  '\r\n',
  '\ufeff',
  '\u00a0',
  '’',
  '',
);
const structured = fc.array(fc.oneof(piece, fc.string()), { maxLength: 30 }).map((parts) => parts.join('\n'));
const anyBytes = fc.uint8Array({ maxLength: 400 });
const decoder = new TextDecoder();

describe('the parsers never throw', () => {
  it('on any text, in any format', () => {
    fc.assert(
      fc.property(
        fc.oneof(structured, fc.string({ unit: 'grapheme', maxLength: 400 })),
        fc.constantFrom(...names),
        (text, name) => {
          const result = parseBriefing(name, text);
          expect(result.briefing === null || result.problems.every(isWarning)).toBe(true);
          if (!result.briefing)
            expect(result.problems.filter((p) => !isWarning(p)).length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('on any bytes decoded as UTF-8', () => {
    fc.assert(
      fc.property(anyBytes, fc.constantFrom(...names), (bytes, name) => {
        parseBriefing(name, decoder.decode(bytes));
      }),
      { numRuns: 1000 },
    );
  });

  it('on huge lines, quickly enough to finish', () => {
    const huge = `${'a: '.repeat(200_000)}\n## What happened\n- ${'x'.repeat(500_000)}\n${' '.repeat(300_000)}:`;
    for (const name of names) expect(parseBriefing(name, huge).problems.length).toBeGreaterThan(0);
  });

  it('on front matter the YAML parser would chew on for seconds', () => {
    const { problems } = parseBriefing('2025-12-15-a.md', `---\n${'a: '.repeat(50_000)}\n---\n`);
    expect(problems).toEqual([
      {
        file: '2025-12-15-a.md',
        line: 1,
        message: 'the front matter is longer than 8 KB: keep it to fields such as title, date and summary',
      },
    ]);
  });
});

describe('the loader never throws', () => {
  it('whatever bytes the files hold', async () => {
    await withTempDir(async (dir) => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(
            fc.oneof(
              anyBytes,
              structured.map((text) => Buffer.from(text)),
            ),
            { maxLength: 6 },
          ),
          async (files) => {
            const folder = join(dir, String(Math.random()).slice(2));
            await mkdir(folder);
            await Promise.all(
              files.map((bytes, index) =>
                writeFile(join(folder, `${index}-${names[index % names.length]}`), bytes),
              ),
            );
            const result = await loadBriefingFolder(folder);
            expect(result.briefings.length + result.problems.length).toBeGreaterThanOrEqual(0);
            for (const problem of result.problems) expect(problem.file.startsWith(folder)).toBe(true);
          },
        ),
        { numRuns: 60 },
      );
    });
  });

  it('reports invalid UTF-8, binary junk and oversized files instead of loading them', async () => {
    await withTempDir(async (dir) => {
      await writeFile(
        join(dir, '2025-12-15-latin1.md'),
        Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xe9, 0xe8, 0x0a]),
      );
      await writeFile(join(dir, '2025-12-15-binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
      await writeFile(join(dir, '2025-12-15-huge.txt'), Buffer.alloc(2 * 1024 * 1024, 0x61));
      const result = await loadBriefingFolder(dir);
      expect(result.briefings).toEqual([]);
      expect(result.problems.map((problem) => problem.message).sort()).toEqual([
        'the file is 2048 KB: a briefing must be under 1 MB',
        'the file is not UTF-8 text: save it as UTF-8',
        'this is a binary file, not text',
      ]);
    });
  });

  it('reports a folder that does not exist', async () => {
    const result = await loadBriefingFolder('/nonexistent/briefings-folder');
    expect(result.briefings).toEqual([]);
    expect(result.problems).toEqual([
      {
        file: '/nonexistent/briefings-folder',
        message: 'cannot read the briefing folder: it does not exist',
      },
    ]);
  });
});
