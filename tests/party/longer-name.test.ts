import { describe, expect, it } from 'vitest';
import { MentionMatcher } from '../../src/party/matcher.js';
import { PartyRegistry } from '../../src/party/registry.js';
import { registryWith } from './helpers.js';

const builtIn = new MentionMatcher(PartyRegistry.builtIn());
const ids = (text: string, matcher = builtIn) => matcher.partyIds(text);

describe('a country inside the name of something else', () => {
  it.each([
    ['The Moscow Times reported the talks.'],
    ['The Russian Orthodox Church backed the decision.'],
    ['The Bank of Japan held rates.'],
    ['Researchers at the Chinese Academy of Sciences agreed.'],
    ['A fellow of the German Marshall Fund wrote it.'],
    ['Turkish Airlines resumed flights.'],
    ['Ships crossed the Indian Ocean.'],
    ['She won the Australian Open again.'],
    ['Missiles fell into the Sea of Japan.'],
    ['The Times of India said so.'],
    ['The Japanese Grand Prix was cancelled.'],
    ['The People’s Bank of China cut rates.'],
    ['The British Museum lent the vase.'],
    ['Patrols in the South China Sea grew.'],
    ['She studied at the London School of Economics.'],
    ['The Russian Orthodox Church’s leader spoke.'],
  ])('%s names no country', (text) => {
    expect(ids(text)).toEqual([]);
  });

  it('applies to a capital the parties file adds', () => {
    const matcher = new MentionMatcher(registryWith('- name: United States\n  aliases: [Washington]\n'));
    expect(ids('The Washington Post reported it.', matcher)).toEqual([]);
    expect(ids('Washington said no.', matcher)).toEqual(['united-states']);
  });

  it('leaves the other parties of the sentence alone', () => {
    expect(ids('The Moscow Times says Ukraine and Poland met.')).toEqual(['ukraine', 'poland']);
  });
});

describe('a country with words around it that still names it', () => {
  it.each([
    ['Russian President Vladimir Putin said so.', ['russia', 'vladimir-putin']],
    ['The French Foreign Minister arrived.', ['france']],
    ['The British government agreed.', ['united-kingdom']],
    ['Chinese officials declined.', ['china']],
    ['Ukrainian forces advanced.', ['ukraine']],
    ['Moscow said nothing.', ['russia']],
    ["Russia's Central Bank raised rates.", ['russia']],
    ['The Russian Foreign Ministry objected.', ['russia']],
    ['The Chinese Embassy issued a statement.', ['china']],
    ['Turkish airlines cut flights.', ['turkiye']],
    ['The central bank of Japan acted.', ['japan']],
    ['The US-Ukraine Reconstruction Investment Fund opened.', ['united-states']],
    ['Talks with Russia. Times are hard.', ['russia']],
    ['Russia: Church leaders met.', ['russia']],
  ])('%s', (text, expected) => {
    expect(ids(text)).toEqual(expected);
  });
});

describe('an organisation the registry knows', () => {
  const matcher = new MentionMatcher(
    registryWith(`
- name: Bank of England
  kind: organisation
- name: Russian Orthodox Church
  kind: organisation
  aliases: [ROC]
`),
  );

  it('is matched as the organisation', () => {
    expect(ids('The Bank of England raised rates.', matcher)).toEqual(['bank-of-england']);
    expect(ids('The Russian Orthodox Church and Russia’s government agreed.', matcher)).toEqual([
      'russian-orthodox-church',
      'russia',
    ]);
  });
});
