import { describe, expect, it } from 'vitest';
import { checkMessageLimits } from '../../src/render/check.js';
import { decodePageId } from '../../src/render/page-id.js';
import { makeBriefing } from '../support/briefings.js';
import { buttonId, buttonsOf, sectionNames, titleOf } from '../support/message-text.js';
import { testDispatcher, USER } from '../support/services.js';

const briefings = [
  makeBriefing({
    id: 'berlin-talks',
    date: '2025-12-15',
    summary: 'Ukraine rejected the demand to leave Donetsk. The United States pressed Ukraine to agree.',
  }),
  makeBriefing({ id: 'earlier', date: '2025-12-10', summary: 'Ukraine asked Germany for air defence.' }),
];

describe('/briefing party views', () => {
  const { dispatcher, input } = testDispatcher(briefings);

  it('the default view opens on where the party stands and who it appears with, then every statement', async () => {
    const reply = await dispatcher.run(input('briefing', 'party', { name: 'Ukraine' }));
    expect(checkMessageLimits(reply)).toEqual([]);
    const names = sectionNames(reply);
    expect(names.slice(0, 3)).toEqual([
      'Wants (1)',
      'Refuses (1)',
      'Appears most with (in the same statement)',
    ]);
    expect(names.at(-1)).toMatch(/\(earlier\)$/);
    const stance = decodePageId(buttonId(reply, 'Where it stands') ?? '');
    expect(stance).toMatchObject({ view: 'stance', owner: USER.id, page: 1, query: 'Ukraine' });
  });

  it('each view button replaces the message with that view, for the asker only', async () => {
    const reply = await dispatcher.run(input('briefing', 'party', { name: 'Ukraine' }));
    const stanceId = buttonId(reply, 'Where it stands')!;
    const turned = dispatcher.page(stanceId, USER.id);
    expect(turned.update).toBe(true);
    expect(titleOf(turned.reply)).toBe('Ukraine · where it stands');
    const companion = buttonsOf(turned.reply).find((button) => button.label === 'United States');
    const opened = dispatcher.page(companion!.customId!, USER.id);
    expect(titleOf(opened.reply)).toBe('United States · where it stands');
    expect(dispatcher.page(stanceId, '999999999999999999').update).toBe(false);
  });

  it('versus refuses a name in no registry and the same party twice, saying what to do', async () => {
    const unknown = await dispatcher.run(input('briefing', 'party', { name: 'Ukraine', versus: 'Atlantis' }));
    expect(unknown.ephemeral).toBe(true);
    expect(unknown.content ?? JSON.stringify(unknown.components)).toMatch(/"Atlantis" is not one/);
    const twice = await dispatcher.run(input('briefing', 'party', { name: 'Ukraine', versus: 'ukraine' }));
    expect(twice.ephemeral).toBe(true);
    expect(twice.content ?? JSON.stringify(twice.components)).toMatch(/two different parties/);
  });

  it('a name in no registry keeps the statements view, with no stance or view buttons', async () => {
    const reply = await dispatcher.run(input('briefing', 'party', { name: 'Donetsk' }));
    expect(buttonsOf(reply).map((button) => button.label)).not.toContain('Where it stands');
    expect(sectionNames(reply).some((name) => /^(Says|Wants|Refuses|Agreed) /.test(name))).toBe(false);
  });
});
