/** The `section` option of the subcommands that show briefings or statements: one of the three sections. */
import { SECTION_KEYS, SECTION_LABELS } from '../../briefing/model.js';
import { choiceOption } from '../options.js';

export const sectionOption = choiceOption({
  description: 'Only this section',
  choices: SECTION_KEYS.map((key) => ({ name: SECTION_LABELS[key], value: key })),
});
