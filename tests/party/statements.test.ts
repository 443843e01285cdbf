import { describe, expect, it } from 'vitest';
import { statementsOf, WHOLE_ITEM_LIMIT } from '../../src/party/statements.js';
import { splitSentences } from '../../src/text/sentences.js';
import { makeBriefing } from '../support/briefings.js';

describe('splitSentences', () => {
  it('splits at stops followed by a new sentence', () => {
    expect(splitSentences('Talks resumed. Nobody left! Why? "Because," she said.')).toEqual([
      'Talks resumed.',
      'Nobody left!',
      'Why?',
      '"Because," she said.',
    ]);
  });

  it('does not split at U.S., titles, initials or decimals', () => {
    expect(
      splitSentences(
        'The U.S. Congress must agree. Mr. Witkoff met J. Kushner at 2.5 p.m. on Monday. Gen. Smith left.',
      ),
    ).toEqual([
      'The U.S. Congress must agree.',
      'Mr. Witkoff met J. Kushner at 2.5 p.m. on Monday.',
      'Gen. Smith left.',
    ]);
  });

  it('keeps closing quotes with their sentence', () => {
    expect(splitSentences('He called it “extremely sensitive.” Talks go on.')).toEqual([
      'He called it “extremely sensitive.”',
      'Talks go on.',
    ]);
  });

  it('returns nothing for blank text', () => {
    expect(splitSentences('  ')).toEqual([]);
  });
});

describe('statementsOf', () => {
  it('takes summary sentences, bullets and further sections with their labels; never the title', () => {
    const statements = statementsOf(
      makeBriefing({
        id: 'talk',
        title: 'Russia and Ukraine talk',
        summary: 'Envoys met in Berlin. Kyiv holds firm.',
        sections: {
          whatHappened: ['Envoys met. They talked for hours.'],
          whyItMatters: ['Territory is the hard part.'],
          implications: ['  ', 'Guarantees decide the outcome.'],
          other: [{ heading: 'Key quotes', items: ['“It was difficult.”'] }],
        },
      }),
    );
    expect(statements).toEqual([
      { section: 'Summary', text: 'Envoys met in Berlin.' },
      { section: 'Summary', text: 'Kyiv holds firm.' },
      { section: 'What happened', text: 'Envoys met. They talked for hours.' },
      { section: 'Why it matters', text: 'Territory is the hard part.' },
      { section: 'Implications', text: 'Guarantees decide the outcome.' },
      { section: 'Key quotes', text: '“It was difficult.”' },
    ]);
  });

  it('cites a long paragraph item sentence by sentence', () => {
    const sentence = 'The delegations discussed guarantees, territory and the size of the army in peacetime.';
    const paragraph = Array.from({ length: 5 }, () => sentence).join(' ');
    expect(paragraph.length).toBeGreaterThan(WHOLE_ITEM_LIMIT);
    const statements = statementsOf(
      makeBriefing({
        id: 'paragraph',
        summary: '',
        sections: { whatHappened: [], whyItMatters: [paragraph], implications: [] },
      }),
    );
    expect(statements).toHaveLength(5);
    expect(
      statements.every((statement) => statement.text === sentence && statement.section === 'Why it matters'),
    ).toBe(true);
  });
});
