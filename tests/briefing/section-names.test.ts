import { describe, expect, it } from 'vitest';
import { leadingLabel, sectionForHeading } from '../../src/briefing/section-names.js';

describe('the section table', () => {
  it.each([
    ['What happened', 'whatHappened'],
    ["What's happening", 'whatHappened'],
    ['Driving the news', 'whatHappened'],
    ['Key points', 'whatHappened'],
    ['The news', 'whatHappened'],
    ['Details', 'whatHappened'],
    ['Why it matters', 'whyItMatters'],
    ["Why it's important", 'whyItMatters'],
    ['The big picture', 'whyItMatters'],
    ['Why this matters', 'whyItMatters'],
    ['Significance', 'whyItMatters'],
    ['Implications', 'implications'],
    ["What's next", 'implications'],
    ['What to watch', 'implications'],
    ['Looking ahead', 'implications'],
    ['The bottom line', 'implications'],
    ['Consequences', 'implications'],
    ['Summary', 'summary'],
  ])('maps "%s" to %s', (heading, target) => {
    expect(sectionForHeading(heading)).toBe(target);
  });

  it('ignores case, curly versus straight apostrophes, emphasis, spacing and a trailing colon', () => {
    for (const heading of [
      'WHAT’S NEXT',
      'what’s next:',
      '**What‘s Next?**',
      "  What's   next :",
      'Whats next',
    ]) {
      expect(sectionForHeading(heading.trim())).toBe('implications');
    }
  });

  it('knows nothing of other headings', () => {
    for (const heading of [
      'Background',
      'Key quotes',
      'Territorial Concessions and Security Guarantees',
      '',
    ]) {
      expect(sectionForHeading(heading)).toBeUndefined();
    }
  });
});

describe('Axios-style labels', () => {
  it('splits a label from the rest of its line', () => {
    expect(leadingLabel('Why it matters: Europe is watching.')).toEqual({
      target: 'whyItMatters',
      rest: 'Europe is watching.',
    });
    expect(leadingLabel('**The big picture:** Allies are split.')).toEqual({
      target: 'whyItMatters',
      rest: 'Allies are split.',
    });
    expect(leadingLabel('What’s next: Another round.')).toEqual({
      target: 'implications',
      rest: 'Another round.',
    });
  });

  it('does not take an ordinary sentence with a colon for a label', () => {
    expect(leadingLabel('Donbas: a knot, not a deal')).toBeUndefined();
    expect(leadingLabel('The envoy said: the talks went well')).toBeUndefined();
    expect(leadingLabel('No colon here')).toBeUndefined();
  });
});
