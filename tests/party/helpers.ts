import { parsePartiesFile } from '../../src/party/parties-file.js';
import { PartyRegistry } from '../../src/party/registry.js';

/** The built-in registry extended by a parties.yml text. */
export function registryWith(yaml: string): PartyRegistry {
  const { entries, problems } = parsePartiesFile('parties.yml', yaml);
  if (problems.length > 0) throw new Error(`fixture has problems: ${JSON.stringify(problems)}`);
  return PartyRegistry.builtIn().withFile(entries);
}
