/**
 * Vitest global setup: compiles src/ once per run (type checking is `npm run typecheck`'s job), so tests that
 * spawn the bot, deploy-commands or the editor CLI start plain `node` on JavaScript instead of importing every
 * TypeScript file through tsx in each child process. Rebuilt when watch mode reruns; removed at the end.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';

const root = resolve(import.meta.dirname, '../..');

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder holding src/ compiled to JavaScript (main.js, cli.js, deploy-commands.js, ...). */
    builtSrc: string;
  }
}

async function compile(outDir: string): Promise<void> {
  const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');
  try {
    await promisify(execFile)(
      process.execPath,
      [tsc, '-p', 'tsconfig.build.json', '--outDir', outDir, '--noCheck', '--sourceMap', 'false'],
      { cwd: root },
    );
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(
      `compiling src/ for the process tests failed:\n${failed.stdout || failed.stderr || failed.message}`,
    );
  }
  // Inside node_modules the package scope stops: say here that these .js files are ES modules.
  await writeFile(join(outDir, 'package.json'), '{ "type": "module" }\n');
}

export default async function setup(project: TestProject) {
  // Inside the project, so the compiled files find its node_modules; a fresh folder per run, so two runs at
  // once (or `npm run build`'s dist/) never meet.
  const parent = join(root, 'node_modules', '.cache', 'briefing-bot-tests');
  await mkdir(parent, { recursive: true });
  const outDir = await mkdtemp(join(parent, 'src-'));
  await compile(outDir);
  project.provide('builtSrc', outDir);
  project.onTestsRerun(() => compile(outDir));
  return () => rm(outDir, { recursive: true, force: true });
}
