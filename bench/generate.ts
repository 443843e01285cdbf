/** Synthetic briefing folders for benchmarks: realistic size and shape, deterministic content. */
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

const COUNTRIES = [
  'Ukraine',
  'Russia',
  'India',
  'Pakistan',
  'China',
  'Germany',
  'France',
  'Brazil',
  'Japan',
  'Kenya',
  'Nigeria',
  'Mexico',
  'Canada',
  'Turkey',
  'Iran',
  'Israel',
  'Egypt',
  'Poland',
  'Italy',
  'Spain',
  'Indonesia',
  'Vietnam',
  'Argentina',
  'Chile',
  'Ethiopia',
  'Ghana',
  'Sweden',
  'Norway',
  'Georgia',
  'Armenia',
];
const PEOPLE = ['Volodymyr Zelenskyy', 'Steve Witkoff', 'Jared Kushner', 'Dmitry Peskov', 'Yuri Ushakov'];
const VERBS = ['met', 'warned', 'negotiated with', 'criticised', 'welcomed talks with', 'imposed tariffs on'];
const TOPICS = [
  'energy',
  'border',
  'trade',
  'grain',
  'water',
  'debt',
  'tariff',
  'security',
  'election',
  'fishing',
].flatMap((what) =>
  ['prices', 'rules', 'talks', 'exports', 'reform', 'disputes'].map((about) => `${what} ${about}`),
);
const SYLLABLES = [
  'ka',
  'ro',
  'mi',
  'tel',
  'san',
  'do',
  'ver',
  'lu',
  'pra',
  'gon',
  'ist',
  'ur',
  'ne',
  'bal',
  'cor',
  'fi',
];

/**
 * News prose has a large vocabulary: 4,000 made-up words, drawn with a Zipf-like skew, so common words are
 * common and most words are rare, as in real briefings (a tiny vocabulary would put every word in every file).
 */
export const VOCABULARY = Array.from({ length: 4000 }, (_, index) => {
  let word = '';
  for (let n = index + 7; n > 0; n = Math.floor(n / SYLLABLES.length))
    word += SYLLABLES[n % SYLLABLES.length];
  return word;
});

function word(next: () => number): string {
  return VOCABULARY[Math.floor(VOCABULARY.length * next() ** 3)]!;
}

function words(next: () => number, count: number): string {
  return Array.from({ length: count }, () => word(next)).join(' ');
}

/** A tiny deterministic generator so every run benchmarks the same folder. */
export function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)]!;
}

/** One party and mostly ordinary prose; now and then a topic, as in real briefings. */
function sentence(next: () => number): string {
  const topic = next() < 0.2 ? ` over ${pick(next, TOPICS)}` : '';
  return `${pick(next, [...COUNTRIES, ...PEOPLE])} ${pick(next, VERBS)} ${pick(next, COUNTRIES)}${topic} and ${words(next, 8 + Math.floor(next() * 10))}, officials said on day ${Math.floor(next() * 28) + 1}.`;
}

function dateOf(index: number): string {
  const day = new Date(Date.UTC(2000, 0, 1) + index * 86_400_000);
  return day.toISOString().slice(0, 10);
}

export function briefingMarkdown(index: number): string {
  const next = random(index + 1);
  const bullets = (count: number) => Array.from({ length: count }, () => `- ${sentence(next)}`).join('\n');
  return `---
id: b${index}
title: ${pick(next, COUNTRIES)} and ${pick(next, COUNTRIES)} talks on ${pick(next, TOPICS)} (${index})
date: ${dateOf(index)}
summary: ${sentence(next)} ${sentence(next)}
source: Wire services
tags: [${pick(next, TOPICS)}]
---

## What happened
${bullets(4)}

## Why it matters
${bullets(4)}

## Implications
${bullets(4)}
`;
}

/** The briefing folder most benchmarks run on (`npm run bench -- --size N` for the archive suite). */
export const BRIEFING_COUNT = 10_000;

/** The file name of the `index`-th generated briefing. */
export function briefingFileName(index: number): string {
  return `${dateOf(index)}-b${index}.md`;
}

/** The `index`-th generated briefing's title, as its front matter has it. */
export function briefingTitle(index: number): string {
  return /^title: (.*)$/m.exec(briefingMarkdown(index))![1]!;
}

/**
 * The `index`-th briefing edited: `edit` words put before its summary, so its text (and its size) differs from
 * the generated one and from every other edit.
 */
export function editedBriefingMarkdown(index: number, edit: string): string {
  return briefingMarkdown(index).replace(/^summary: /m, `summary: ${edit} `);
}

/** Writes `count` briefings into `dir` (created), with the shipped parties.yml as a real folder has. */
export async function writeBriefingFolder(dir: string, count: number): Promise<void> {
  await mkdir(dir, { recursive: true });
  await copyFile(resolve(import.meta.dirname, '../briefings/parties.yml'), join(dir, 'parties.yml'));
  const batch = 500;
  for (let start = 0; start < count; start += batch) {
    await Promise.all(
      Array.from({ length: Math.min(batch, count - start) }, (_, offset) => {
        const index = start + offset;
        return writeFile(join(dir, briefingFileName(index)), briefingMarkdown(index));
      }),
    );
  }
}

export const BENCH_PARTIES = [...COUNTRIES, ...PEOPLE, 'United States', 'NATO'];
/** Queries a reader might type: common and rare words, a party, a half-typed last word. */
export const BENCH_QUERIES = [
  'energy prices',
  'grain',
  'water disputes India',
  'border secur',
  VOCABULARY[40]!,
  `${VOCABULARY[300]} ${VOCABULARY[12]}`,
  VOCABULARY[2500]!,
  `Pakistan ${VOCABULARY[900]!.slice(0, 5)}`,
];
/**
 * Names in no registry, each asked once: made-up people no briefing names, and rare words of the prose, each in
 * a few hundred statements (what a reader's question about a name nobody listed costs).
 */
export function benchUnknownNames(count: number, offset = 0): string[] {
  const surnames = ['Stern', 'Mensah', 'Okafor', 'Lindqvist', 'Haddad', 'Moreau', 'Tanaka', 'Novak'];
  return Array.from({ length: count }, (_, index) => {
    const n = index + offset;
    return n % 2 === 0
      ? `${VOCABULARY[2000 + ((n * 37) % 2000)]}`
      : `Ursula ${surnames[n % surnames.length]} ${VOCABULARY[3000 + (n % 1000)]}`;
  });
}

/** Search questions, each asked once: a common word with a rarer one. */
export function benchSearches(count: number, offset = 0): string[] {
  return Array.from(
    { length: count },
    (_, index) =>
      `${VOCABULARY[(index + offset) % 50]} ${VOCABULARY[500 + (((index + offset) * 13) % 3000)]}`,
  );
}

/**
 * Names in no registry held by nearly every statement (the words every sentence above ends with), in three
 * spellings so each is a new question: the most a question about an unknown name can cost.
 */
export function benchEverywhereNames(): string[] {
  const phrases = ['officials', 'said', 'day', 'on day', 'said on', 'officials said', 'said on day'];
  const spellings = [
    (name: string) => name,
    (name: string) => name.toUpperCase(),
    (name: string) => name.replace(/\b\w/g, (letter) => letter.toUpperCase()),
  ];
  return spellings.flatMap((spelling) => phrases.map(spelling));
}
