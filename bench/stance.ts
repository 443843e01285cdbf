/**
 * The stance suite: precision and recall of the classifier on the hand-labelled fixtures
 * (tests/fixtures/stance), per category and overall, and the time it takes per statement.
 */
import { readFileSync } from 'node:fs';
import { parsePartiesFile } from '../src/party/parties-file.js';
import { PartyRegistry } from '../src/party/registry.js';
import { classifyStatement } from '../src/party/stance/classify.js';
import { STANCE_KINDS } from '../src/party/stance/model.js';
import { type LabelledStatement, precision, recall, scoreStance } from '../src/party/stance/score.js';
import { percentile, type Report, sample } from './stats.js';

const FIXTURES = new URL('../tests/fixtures/stance/', import.meta.url);

export function stanceFixtures(): { registry: PartyRegistry; statements: LabelledStatement[] } {
  const { entries } = parsePartiesFile('parties.yml', readFileSync(new URL('parties.yml', FIXTURES), 'utf8'));
  const registry = PartyRegistry.builtIn().withFile(entries);
  const labels = JSON.parse(readFileSync(new URL('labels.json', FIXTURES), 'utf8'));
  return { registry, statements: labels.statements as LabelledStatement[] };
}

export async function benchStance(report: Report): Promise<void> {
  const { registry, statements } = stanceFixtures();
  const members = new Map<string, Set<string>>();
  const idsOf = (partyId: string) => {
    let ids = members.get(partyId);
    if (!ids) {
      const party = registry.get(partyId);
      ids = new Set(party ? registry.withMembers(party).map((member) => member.id) : [partyId]);
      members.set(partyId, ids);
    }
    return ids;
  };
  const classify = (text: string, partyId: string) => classifyStatement(text, idsOf(partyId), registry);
  const sets = new Map<string, LabelledStatement[]>([['all', statements]]);
  for (const statement of statements) {
    const name = statement.heldOut === undefined ? 'fitted' : `held-out ${statement.heldOut}`;
    sets.set(name, [...(sets.get(name) ?? []), statement]);
  }
  for (const [name, chosen] of sets) {
    const prefix = name === 'all' ? 'stance' : `stance ${name}`;
    report.note(`Stance classifier on the labelled fixtures: ${name} (${chosen.length} statements)`);
    const score = scoreStance(chosen, classify);
    for (const kind of STANCE_KINDS) {
      report.add({ metric: `${prefix} ${kind} precision`, value: precision(score.perKind[kind]), unit: '' });
      report.add({ metric: `${prefix} ${kind} recall`, value: recall(score.perKind[kind]), unit: '' });
    }
    report.add({
      metric: `${prefix} overall precision`,
      value: precision(score.overall),
      unit: '',
      ...(name === 'all' ? { target: '≥ 0.8' } : {}),
    });
    report.add({ metric: `${prefix} overall recall`, value: recall(score.overall), unit: '' });
    report.add({
      metric: `${prefix} quotes right`,
      value: score.quotes.right / Math.max(1, score.quotes.expected),
      unit: '',
    });
    if (process.argv.includes('--misses') && name !== 'all')
      for (const miss of score.misses)
        report.note(`  ${miss.party}: expected ${miss.expected}, got ${miss.got}: ${miss.text}`);
  }

  const pairs = statements.flatMap((statement) =>
    Object.keys(statement.expect).map((party) => ({ statement, party })),
  );
  // Warm up (the library's model loads on first use, the engine compiles the hot paths), then time each
  // statement and party many times over.
  for (let round = 0; round < 10; round++)
    for (const { statement, party } of pairs) classify(statement.text, party);
  (globalThis as { gc?: () => void }).gc?.();
  const times = sample(pairs.length * 50, (index) => {
    const { statement, party } = pairs[index % pairs.length]!;
    classify(statement.text, party);
  });
  report.add({ metric: 'stance per statement p50', value: percentile(times, 50), unit: 'ms' });
  report.add({
    metric: 'stance per statement p99',
    value: percentile(times, 99),
    unit: 'ms',
    target: '< 1 ms',
  });
}
