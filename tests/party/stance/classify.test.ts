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

  it('reads an offer on a condition as a want, and a warning on one as a statement', () => {
    expect(
      classify(
        'President Volodymyr Zelenskyy said Ukraine could give up its bid to join NATO if the United States and Europe give it security guarantees.',
        'Ukraine',
      )?.kind,
    ).toBe('wants');
    expect(
      classify(
        'Moscow said it would resume gas deliveries provided that the sanctions were dropped.',
        'Russia',
      )?.kind,
    ).toBe('wants');
    expect(
      classify(
        'Brussels said it would lift the duties in return for a cap on battery subsidies.',
        'European Union',
      )?.kind,
    ).toBe('wants');
    expect(
      classify('Kyiv would accept international monitors if they were deployed on both sides.', 'Ukraine')
        ?.kind,
    ).toBe('wants');
    expect(
      classify('The Kremlin warned it would strike the depots if Western missiles reached Ukraine.', 'Russia')
        ?.kind,
    ).toBe('says');
    expect(classify('Vance is expected to visit Kyiv if the ceasefire holds.', 'United States')).toBeNull();
  });

  it('gives no stance to meetings, journeys and visits', () => {
    for (const party of ['Ukraine', 'United States'])
      expect(
        classify(
          "American and Ukrainian negotiators, joined by Kyiv's European allies, meet again in Berlin on Monday.",
          party,
        ),
      ).toBeNull();
    expect(classify('Witkoff travelled to Moscow on Thursday.', 'United States')).toBeNull();
    expect(classify('Pashinyan held talks with Aliyev in Abu Dhabi.', 'Armenia')).toBeNull();
    expect(classify("Azerbaijan's delegation joined the talks on the second day.", 'Azerbaijan')).toBeNull();
    expect(classify('Azerbaijan welcomed Pashinyan to Baku for the signing.', 'Azerbaijan')).toBeNull();
    expect(
      classify("Vučić welcomed the European Union's decision to open a new chapter.", 'Serbia')?.kind,
    ).toBe('agreed');
    expect(classify('Armenia, backed by France, rejected the corridor plan.', 'Armenia')?.kind).toBe(
      'refuses',
    );
  });

  it('reads `no intention of`, `stopped short of`, `refrained from` and a declared `will not` as refusals', () => {
    expect(
      classify('The Kremlin has no intention of pulling its troops back from Kherson.', 'Russia')?.kind,
    ).toBe('refuses');
    expect(
      classify('Peskov said Moscow had no intention of attending the Geneva round.', 'Russia')?.kind,
    ).toBe('refuses');
    expect(
      classify('"We have no plans to reopen the border," Aliyev told reporters.', 'Azerbaijan')?.kind,
    ).toBe('refuses');
    expect(
      classify('The European Union stopped short of endorsing the Serbian proposal.', 'European Union')?.kind,
    ).toBe('refuses');
    expect(
      classify('The European Union stopped short of endorsing the Serbian proposal.', 'Serbia'),
    ).toBeNull();
    expect(classify('Netanyahu refrained from endorsing the plan.', 'Israel')?.kind).toBe('refuses');
    expect(classify('Kyiv will not attend the Istanbul meeting.', 'Ukraine')?.kind).toBe('refuses');
    expect(classify('Kyiv did not attend the Istanbul meeting.', 'Ukraine')).toBeNull();
    expect(classify('Russian officials said they had not received the draft.', 'Russia')?.kind).toBe('says');
    expect(classify('Ukraine said it would give up nothing without a referendum.', 'Ukraine')?.kind).toBe(
      'refuses',
    );
  });

  it('reads signalled readiness as a want and `insisted` by what follows it', () => {
    expect(classify('Israel signalled readiness to extend the pause in the fighting.', 'Israel')?.kind).toBe(
      'wants',
    );
    expect(classify('Armenia expressed willingness to reopen the rail link.', 'Armenia')?.kind).toBe('wants');
    expect(classify('Vučić insisted that Serbia must keep its consulate in the north.', 'Serbia')?.kind).toBe(
      'wants',
    );
    expect(classify('Vučić insisted that Belgrade had kept every promise it made.', 'Serbia')?.kind).toBe(
      'says',
    );
  });

  it('takes `the bloc`, `the government` in what a party says as the party itself', () => {
    expect(
      classify('Lajcak said the bloc would not release the funds before the vote.', 'European Union')?.kind,
    ).toBe('refuses');
    expect(
      classify(
        'The European Commission said the bloc was prepared to extend the waiver if Beijing cut export subsidies.',
        'European Union',
      )?.kind,
    ).toBe('wants');
    expect(
      classify(
        "Israel's foreign ministry said the government would never accept a state on those terms.",
        'Israel',
      )?.kind,
    ).toBe('refuses');
    expect(
      classify(
        'The White House said the administration had no interest in a long negotiation.',
        'United States',
      )?.kind,
    ).toBe('refuses');
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
