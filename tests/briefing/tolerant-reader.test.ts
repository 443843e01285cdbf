/** The tolerant reader on small pastes: each rule, and the sentences it must leave alone. */
import { describe, expect, it } from 'vitest';
import { isWarning } from '../../src/briefing/model.js';
import { parseBriefing } from '../../src/briefing/parse.js';
import { dateLine, splitTitleMetadata } from '../../src/briefing/read/date-line.js';
import { isTrailer, junkKind } from '../../src/briefing/read/junk.js';
import { stripReferences } from '../../src/briefing/read/references.js';
import { bylineOf, colonLabel, headingLine, leadInLabel } from '../../src/briefing/read/shapes.js';
import { targetsForHeading } from '../../src/briefing/section-names.js';
import { mustParse } from './helpers.js';

const brief = (...lines: string[]) => lines.join('\n');

describe('labels and headings, however they are spelled', () => {
  it.each([
    ['Why it matters:', 'whyItMatters'],
    ['WHY IT MATTERS', 'whyItMatters'],
    ['**Why It Matters:**', 'whyItMatters'],
    ['Why it’s important?', 'whyItMatters'],
    ['Why is it important?', 'whyItMatters'],
    ['The Big Picture', 'whyItMatters'],
    ['Big picture:', 'whyItMatters'],
    ['Between the lines', 'whyItMatters'],
    ['📌 Context', 'whyItMatters'],
    ['Driving The News', 'whatHappened'],
    ['What is happening?', 'whatHappened'],
    ['What we know so far', 'whatHappened'],
    ['Here’s what happened', 'whatHappened'],
    ['State of play', 'whatHappened'],
    ['Whats next', 'implications'],
    ['What happens next?', 'implications'],
    ['The bottom line', 'implications'],
    ['Looking Ahead:', 'implications'],
  ])('%s names %s', (heading, target) => {
    expect(targetsForHeading(heading.replace(/[*:]+$/g, '').replace(/^\*+/, ''))?.target).toBe(target);
  });

  it('reads a heading that names two sections as the first, and says so', () => {
    expect(targetsForHeading('Why it matters and what comes next')).toEqual({
      target: 'whyItMatters',
      also: 'implications',
    });
    expect(targetsForHeading('Context & outlook')).toEqual({ target: 'whyItMatters', also: 'implications' });
    expect(targetsForHeading('Trade and tariffs')).toBeUndefined();
  });

  it('takes `Label:` and `Lead-in.` openings as labels, but not quotations, times or abbreviations', () => {
    expect(colonLabel('Yes, but: Several states object.')).toMatchObject({
      label: 'Yes, but',
      rest: 'Several states object.',
    });
    expect(colonLabel('What they’re saying: "We will not wait."')?.label).toBe('What they’re saying');
    expect(colonLabel('The minister said: "We will not wait."')).toBeUndefined();
    expect(colonLabel('At 10:30 the vote began.')).toBeUndefined();
    expect(colonLabel('See https://example.com for more')).toBeUndefined();
    expect(leadInLabel('Why now. The vote comes days before the deadline.')?.targets?.target).toBe(
      'whyItMatters',
    );
    expect(leadInLabel('The catch. Farmers object.')).toMatchObject({ label: 'The catch' });
    expect(leadInLabel('Mr. Smith said the talks would resume.')).toBeUndefined();
    expect(leadInLabel('The U.S. delegation left early.')).toBeUndefined();
    expect(leadInLabel('It rained all day in the capital. Crowds stayed home.')).toBeUndefined();
  });

  it('takes short standing lines as headings, but not sentences', () => {
    expect(headingLine('Who is affected?')).toMatchObject({
      heading: 'Who is affected?',
      looksLikeHeading: true,
    });
    expect(headingLine('The numbers')).toMatchObject({ heading: 'The numbers', looksLikeHeading: false });
    expect(headingLine('The summary.')).toBeUndefined();
    expect(
      headingLine('Talks resumed on Monday after a pause of several weeks in the capital city'),
    ).toBeUndefined();
  });
});

describe('page junk', () => {
  it.each([
    ['Photo: Marco Bianchi/AFP', 'photo credit'],
    ['Photo: Delegates arrive at the summit venue on Monday.', 'caption'],
    ['REUTERS/Jane Roe', 'photo credit'],
    ['(Photo by Lena Ortiz/Getty Images)', 'photo credit'],
    ['Advertisement', 'advertisement'],
    ['Story continues below advertisement', 'advertisement'],
    ['Share this article', 'share buttons'],
    ['Facebook Twitter LinkedIn Email', 'share buttons'],
    ['Sign up for the Morning Brief newsletter', 'newsletter prompt'],
    ['Get the best of the week in your inbox', 'newsletter prompt'],
  ])('%s is %s', (line, kind) => {
    expect(junkKind(line)).toBe(kind);
  });

  it('leaves sentences about the same things alone', () => {
    for (const line of [
      'The bond subscription closed early as investors piled in.',
      'Shares fell 3% after the advertisement ban was announced.',
      'Photographers were kept away from the summit venue.',
      'Share prices rose.',
    ]) {
      expect(junkKind(line)).toBeUndefined();
    }
  });

  it('knows trailers, with or without a headline after them', () => {
    for (const line of [
      'Go deeper',
      'Read more',
      'Related: Senate passes bill',
      'More for you',
      'Latest Articles',
    ])
      expect(isTrailer(line)).toBe(true);
    expect(isTrailer('Read more about the plan in the annex, officials said.')).toBe(false);
  });

  it('takes reference markers out of the sentence', () => {
    expect(stripReferences('The deal was signed.[1][2] It holds.')).toEqual({
      text: 'The deal was signed. It holds.',
      markers: ['[1][2]'],
    });
    expect(stripReferences('under the agreement.3 Both sides').text).toBe('under the agreement. Both sides');
    for (const kept of ['The G20 met.', 'COVID-19 cases rose.', 'It rose 1.5 percent.', 'An mp3 file.'])
      expect(stripReferences(kept).text).toBe(kept);
  });

  it('reads bylines, not sentences that start with "By"', () => {
    expect(bylineOf('By Tom Reid and Ana Lima, Reuters')).toEqual({
      author: 'Tom Reid and Ana Lima',
      rest: 'Reuters',
    });
    expect(bylineOf('By Monday, the troops had left.')).toBeUndefined();
    expect(bylineOf('By the numbers: 42 states')).toBeUndefined();
  });

  it('reads date lines and metadata on the headline’s line', () => {
    expect(dateLine('Tuesday 4 June 2024')).toBe('2024-06-04');
    expect(dateLine('Updated 14:32 BST, 3 June 2024')).toBe('2024-06-03');
    expect(dateLine('The vote is on Tuesday 4 June 2024')).toBeUndefined();
    expect(dateLine('May 2024')).toBeUndefined();
    expect(splitTitleMetadata('Senate passes bill | 3 March 2024, 14:05 GMT')).toEqual({
      title: 'Senate passes bill',
      date: '2024-03-03',
    });
    expect(splitTitleMetadata('G20 leaders meet in 2024 - Rio')).toEqual({
      title: 'G20 leaders meet in 2024 - Rio',
    });
  });
});

describe('whole briefs', () => {
  it('a lede and labels, with nothing between the paragraphs', () => {
    const b = mustParse(
      '2025-01-02-x.txt',
      brief(
        'Central bank holds rates',
        'The bank kept its main rate at 4% on Thursday.',
        'Officials signalled a cut later in the year.',
        'Why it matters: Mortgage costs stay high.',
        'What’s next: The bank meets again in March.',
      ),
    );
    expect(b.summary).toBe('The bank kept its main rate at 4% on Thursday.');
    expect(b.sections).toEqual({
      whatHappened: [
        'The bank kept its main rate at 4% on Thursday.',
        'Officials signalled a cut later in the year.',
      ],
      whyItMatters: ['Mortgage costs stay high.'],
      implications: ['The bank meets again in March.'],
    });
  });

  it('joins a line broken in the middle of a sentence, and soft-wrapped paragraphs between blank lines', () => {
    const lineByLine = mustParse(
      '2025-01-02-x.txt',
      brief(
        'Bank holds rates',
        'The bank kept its rate at 4%, its',
        'highest in years.',
        'Why it matters: Costs stay high.',
      ),
    );
    expect(lineByLine.sections.whatHappened).toEqual(['The bank kept its rate at 4%, its highest in years.']);
    const wrapped = mustParse(
      '2025-01-02-x.txt',
      brief(
        'Bank holds rates',
        '',
        'The bank kept its rate.',
        'It was the third hold.',
        '',
        'Rates have not moved since May.',
        '',
        'Why it matters:',
        'Costs stay high.',
      ),
    );
    expect(wrapped.sections.whatHappened).toEqual([
      'The bank kept its rate. It was the third hold.',
      'Rates have not moved since May.',
    ]);
  });

  it('keeps unknown labels as further sections only in a brief with structure', () => {
    const b = mustParse(
      '2025-01-02-x.txt',
      brief(
        'Bank holds rates',
        '',
        'The bank kept its rate.',
        '',
        'Zoom in: Small firms are hit hardest.',
        '',
        'Why it matters: Costs stay high.',
      ),
    );
    expect(b.sections.other).toEqual([{ heading: 'Zoom in', items: ['Small firms are hit hardest.'] }]);
    const article = parseBriefing(
      '2025-01-02-x.txt',
      brief('Bank holds rates', '', 'The bank kept its rate.', '', 'Zoom in: Small firms are hit hardest.'),
    );
    expect(article.briefing).toBeNull();
  });

  it('routes `- Label: text` bullets of a key-points list, keeps topic labels in the text', () => {
    const b = mustParse(
      '2025-01-02-x.txt',
      brief(
        'Inflation falls',
        '',
        'Key points',
        '- Inflation: 2.1% in May.',
        '- Why it matters: Rate cuts come closer.',
        '- Wages: up 4%.',
      ),
    );
    expect(b.sections.whatHappened).toEqual(['Inflation: 2.1% in May.', 'Wages: up 4%.']);
    expect(b.sections.whyItMatters).toEqual(['Rate cuts come closer.']);
  });

  it('warns once for each missing section, at the line where it belongs', () => {
    const result = parseBriefing(
      '2025-01-02-x.txt',
      brief('Bank holds rates', '', 'The bank kept its rate.', '', 'Why it matters: Costs stay high.'),
    );
    expect(result.briefing).not.toBeNull();
    expect(result.problems.every(isWarning)).toBe(true);
    expect(result.problems.map((problem) => [problem.line, problem.message.split(':')[0]])).toEqual([
      [5, 'no Implications section'],
    ]);
  });

  it('asks for a headline when the brief has none', () => {
    const result = parseBriefing(
      '2025-01-02-x.txt',
      brief('Why it matters: Costs stay high.', 'What’s next: A meeting in March.'),
    );
    expect(result.briefing).toBeNull();
    expect(result.problems.map((problem) => problem.message)).toContain(
      'no headline: add the headline as the first line of the brief',
    );
  });

  it('skips kickers, date lines, bylines and a repeated caption above the headline', () => {
    const result = parseBriefing(
      'x.txt',
      brief(
        'WORLD NEWS',
        'Delegates arrive at the summit venue.',
        'Delegates arrive at the summit venue.',
        'Summit opens with a call for unity',
        'By Anna Keller',
        'Updated 14:32 BST, 3 June 2024',
        'Leaders gathered in Geneva on Monday.',
        'Why it matters: It is the first summit in years.',
      ),
    );
    const b = result.briefing!;
    expect(b.title).toBe('Summit opens with a call for unity');
    expect(b.date).toBe('2024-06-03');
    expect(b.author).toBe('Anna Keller');
    expect(result.dropped.map((line) => [line.line, line.kind])).toEqual([
      [1, 'kicker'],
      [2, 'caption'],
      [3, 'repeated line'],
    ]);
  });

  it('cuts the trailer and everything after it', () => {
    const result = parseBriefing(
      '2025-01-02-x.txt',
      brief(
        'Bank holds rates',
        'The bank kept its rate.',
        'Why it matters: Costs stay high.',
        'Go deeper',
        'Other story one',
        'Other story two',
      ),
    );
    expect(result.briefing?.sections.whyItMatters).toEqual(['Costs stay high.']);
    expect(result.dropped.map((line) => line.kind)).toEqual(['trailer', 'trailer', 'trailer']);
  });

  it('unescapes markdown backslash escapes in .md files only', () => {
    const md = mustParse(
      '2025-01-02-x.md',
      brief('# T', '', 'S.', '', '## What happened', '- Why it matters\\: a note'),
    );
    expect(md.sections.whatHappened).toEqual(['Why it matters: a note']);
  });
});
