import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePartiesFile } from '../../../src/party/parties-file.js';
import { PartyRegistry } from '../../../src/party/registry.js';
import { classifyStatement } from '../../../src/party/stance/classify.js';

const yaml = readFileSync(new URL('../../fixtures/stance/parties.yml', import.meta.url), 'utf8');
const registry = PartyRegistry.builtIn().withFile(parsePartiesFile('parties.yml', yaml).entries);
const idsOf = (name: string) =>
  new Set(registry.withMembers(registry.resolve(name)!).map((party) => party.id));
const classify = (text: string, party: string) => classifyStatement(text, idsOf(party), registry);

describe('classifyStatement', () => {
  it('sorts what the party does into says, wants, refuses and agreed', () => {
    expect(classify('The Kremlin warned of retaliation.', 'Russia')).toMatchObject({
      kind: 'says',
      actor: 'The Kremlin',
    });
    expect(classify('Ukraine demanded a full withdrawal.', 'Ukraine')?.kind).toBe('wants');
    expect(classify('Washington is pushing for a quick deal.', 'United States')?.kind).toBe('wants');
    expect(classify('Moscow ruled out a ceasefire.', 'Russia')?.kind).toBe('refuses');
    expect(classify('Zelenskyy rejected the plan.', 'Ukraine')).toMatchObject({
      kind: 'refuses',
      actor: 'Zelenskyy',
    });
    expect(classify('Kyiv signed the minerals deal.', 'Ukraine')?.kind).toBe('agreed');
  });

  it('counts the party only where it acts, not where it is the object', () => {
    expect(classify('The US pressed Ukraine to hold elections.', 'Ukraine')).toBeNull();
    expect(classify('The US pressed Ukraine to hold elections.', 'United States')?.kind).toBe('wants');
    expect(classify('Talks with Russia stalled on Monday.', 'Russia')).toBeNull();
  });

  it('reads negated agreement and denials as refusals', () => {
    expect(classify('Kyiv did not agree to the new line.', 'Ukraine')?.kind).toBe('refuses');
    expect(classify('Moscow will not accept foreign troops.', 'Russia')?.kind).toBe('refuses');
    expect(classify('China denied that it had agreed to the cap.', 'China')?.kind).toBe('refuses');
  });

  it('finds the actor of a passive, an owned body and a source', () => {
    expect(classify('The plan was rejected by Moscow.', 'Russia')?.kind).toBe('refuses');
    expect(classify("Russia's foreign ministry said the talks were useful.", 'Russia')?.actor).toBe(
      "Russia's foreign ministry",
    );
    expect(classify("According to Russia's foreign ministry, talks will resume.", 'Russia')?.kind).toBe(
      'says',
    );
  });

  it('gives a member’s direct quote with its speaker, categorised by what it says', () => {
    expect(classify('"We will never give up Donbas," Zelenskyy said.', 'Ukraine')).toEqual({
      kind: 'refuses',
      line: '"We will never give up Donbas," Zelenskyy said.',
      actor: 'Zelenskyy',
      quote: { speaker: 'Zelenskyy', words: 'We will never give up Donbas' },
    });
  });

  it('keeps a party quoted by another as mentioned only', () => {
    expect(classify('"Russia does not want peace," Zelenskyy said.', 'Russia')).toBeNull();
    expect(classify('"Russia does not want peace," Zelenskyy said.', 'Ukraine')?.kind).toBe('says');
  });

  it('shortens long statements to a line at a word boundary', () => {
    const text = `Moscow rejected the proposal ${'because of the many conditions attached to it '.repeat(8)}.`;
    const line = classify(text, 'Russia')?.line ?? '';
    expect(line.length).toBeLessThanOrEqual(200);
    expect(line.endsWith('…')).toBe(true);
  });

  it('never throws on odd input', () => {
    for (const text of [
      '',
      ' ',
      '"',
      '“Moscow said',
      'Москва отвергла план.',
      '莫斯科拒绝了',
      'Russia '.repeat(5000),
    ]) {
      expect(() => classify(text, 'Russia')).not.toThrow();
    }
    expect(classify('', 'Russia')).toBeNull();
    expect(classifyStatement('Moscow said no.', new Set(), registry)).toBeNull();
  });
});
