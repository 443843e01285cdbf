/**
 * Briefing folders and files for runs against the bot: the shipped briefings copied into a fresh folder, and
 * briefings about a party written as markdown. Used by the end-to-end tests and the benchmarks.
 */
import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The briefings and parties.yml that ship with the bot. */
export const SAMPLE_BRIEFINGS = resolve(import.meta.dirname, '../briefings');

/** A fresh folder with the shipped briefings and parties.yml, plus any files given. */
export async function briefingFolder(extra: Record<string, string> = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'briefing-e2e-'));
  await cp(SAMPLE_BRIEFINGS, dir, { recursive: true });
  for (const [name, text] of Object.entries(extra)) await writeFile(join(dir, name), text);
  return dir;
}

/** A briefing about `party`, dated `date`, in markdown. */
export function briefingAbout(id: string, date: string, party: string, extra = ''): string {
  return `---
id: ${id}
title: ${party} in the news (${id})
date: ${date}
summary: Officials said ${party} took part in talks on ${id}.${extra}
source: Wire services
tags: [${id.startsWith('energy') ? 'energy' : 'diplomacy'}]
---

## What happened
- Delegations from ${party} met in Geneva on ${id}.
- ${party} said the talks were useful.

## Why it matters
- ${party} wants a deal before winter.

## Implications
- Observers expect ${party} to return to the table.
`;
}
