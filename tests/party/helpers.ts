import type { Briefing, BriefingSections } from '../../src/briefing/model.js';
import { parsePartiesFile } from '../../src/party/parties-file.js';
import { PartyRegistry } from '../../src/party/registry.js';

/** A briefing with empty sections, the fields given overriding. */
export function briefing(
  fields: Partial<Omit<Briefing, 'sections'>> & { sections?: Partial<BriefingSections> },
): Briefing {
  const { sections, ...rest } = fields;
  return {
    id: 'b',
    title: 'A briefing',
    date: '2025-12-15',
    summary: '',
    source: null,
    author: null,
    tags: [],
    parties: [],
    file: 'briefings/b.md',
    format: 'markdown',
    ...rest,
    sections: { whatHappened: [], whyItMatters: [], implications: [], ...sections },
  };
}

/** The built-in registry extended by a parties.yml text. */
export function registryWith(yaml: string): PartyRegistry {
  const { entries, problems } = parsePartiesFile('parties.yml', yaml);
  if (problems.length > 0) throw new Error(`fixture has problems: ${JSON.stringify(problems)}`);
  return PartyRegistry.builtIn().withFile(entries);
}
