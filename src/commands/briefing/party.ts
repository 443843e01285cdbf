/**
 * /briefing party name:<autocomplete> [view] [versus] [section]: what the briefings say about a party. The default
 * view opens on where it stands and who it appears with, then every statement, cited, newest first, paged;
 * `view:stance` is where it stands in full, `view:coverage` its coverage over time as a chart; `versus:<party>`
 * the briefings naming both, each side's stance in them.
 */
import { stanceModelLoaded } from '../../party/stance/nlp.js';
import { renderNotice } from '../../render/notice.js';
import { versusQuery } from '../../render/versus.js';
import { choiceOption, stringOption } from '../options.js';
import { defineSubcommand } from '../subcommand.js';
import type { Services } from '../types.js';
import { firstPage } from './paged.js';
import { MAX_QUERY_LENGTH } from './question-keys.js';
import { sectionOption } from './section.js';

const completeParties = (typed: string, services: Services) => services.library().completeParties(typed);

/**
 * Whether the answer reads where a party stands: a known party's statements view (it opens on its stance), its
 * stance view, or two known parties compared. Its coverage, and words in no registry, read no stance.
 */
function readsStance(asked: { name: string; view?: string; versus?: string }, services: Services): boolean {
  const { registry } = services.library();
  const known = registry.resolve(asked.name.trim());
  const versus = asked.versus?.trim();
  if (!known) return false;
  if (versus) {
    const other = registry.resolve(versus);
    return other !== undefined && other.id !== known.id;
  }
  return asked.view !== 'coverage';
}

export const party = defineSubcommand({
  name: 'party',
  description: 'What the briefings say about a country, leader or organisation',
  options: {
    name: stringOption({
      description: 'e.g. Russia, Zelenskyy, NATO',
      required: true,
      autocomplete: completeParties,
      maxLength: MAX_QUERY_LENGTH,
    }),
    view: choiceOption({
      description: 'Every statement (the default), where it stands, or its coverage over time',
      choices: [
        { name: 'All statements', value: 'statements' },
        { name: 'Where it stands', value: 'stance' },
        { name: 'Coverage over time', value: 'coverage' },
      ] as const,
    }),
    versus: stringOption({
      description: 'Compare with another party: the briefings naming both',
      autocomplete: completeParties,
      maxLength: MAX_QUERY_LENGTH,
    }),
    section: sectionOption,
  },
  // Reading a stance first loads the statement model, blocking for longer than Discord waits for a first
  // response on a busy machine: until it is loaded, such a question is acknowledged before its work starts.
  acknowledgeFirst: (input, services) => !stanceModelLoaded() && readsStance(input.options, services),
  run(input, services) {
    const { section, view } = input.options;
    const query = input.options.name.trim();
    const owner = input.user.id;
    const library = services.library();
    const other = input.options.versus?.trim();
    if (other) {
      const a = library.registry.resolve(query);
      const b = library.registry.resolve(other);
      if (!a || !b)
        return renderNotice(
          `To compare, both must be known parties: "${!a ? query : other}" is not one. Pick a name from the list as you type.`,
          { ephemeral: true },
        );
      if (a.id === b.id)
        return renderNotice(`Pick two different parties to compare, not ${a.name} twice.`, {
          ephemeral: true,
        });
      return firstPage({ view: 'versus', owner, page: 1, query: versusQuery(a, b) }, services);
    }
    if (view === 'stance' || view === 'coverage') {
      if (!library.registry.resolve(query))
        return renderNotice(
          `"${query}" is not a known party, so it has no ${view === 'stance' ? 'stance' : 'coverage'} view. Pick a name from the list as you type, or leave out view: to see every statement naming it.`,
          { ephemeral: true },
        );
      return firstPage({ view, owner, page: 1, query }, services);
    }
    return firstPage({ view: 'party', owner, page: 1, query, section }, services);
  },
  /** The report the pages are cut from, read whole: {query, party, members, briefings, suggestions}. */
  json(input, services) {
    return services.library().party(input.options.name.trim());
  },
});
