/**
 * briefings/parties.yml: the editors' list of parties, read into entries with every problem located at
 * its line. A bad entry is skipped and reported; the others still load.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument, type YAMLMap } from 'yaml';
import type { Problem } from '../briefing/model.js';
import type { PartyFileEntry } from './file-entry.js';
import type { PartyKind } from './model.js';
import { PartyRegistry } from './registry.js';
import { nameKey } from './tokens.js';

export type { PartyFileEntry };

export const PARTIES_FILE = 'parties.yml';

const KINDS: readonly PartyKind[] = ['country', 'person', 'organisation', 'bloc'];
const FIELDS = new Set(['name', 'kind', 'aliases', 'members']);

class EntryProblem extends Error {}

export function parsePartiesFile(
  file: string,
  text: string,
): { entries: PartyFileEntry[]; problems: Problem[] } {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const problems: Problem[] = [];
  const lineOf = (node: Node | null | undefined): number | undefined =>
    node?.range ? lines.linePos(node.range[0]).line : undefined;
  const report = (message: string, node?: Node | null, line = lineOf(node)) =>
    problems.push(line ? { file, line, message } : { file, message });

  if (document.errors.length > 0) {
    for (const error of document.errors)
      report(`invalid YAML: ${firstLine(error.message)}`, null, lines.linePos(error.pos[0]).line);
    return { entries: [], problems };
  }
  const root = document.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === '')))
    return { entries: [], problems };
  if (!isSeq(root)) {
    report('expected a list of parties (each item starting with "- name: ...")', root, lineOf(root) ?? 1);
    return { entries: [], problems };
  }

  const entries: PartyFileEntry[] = [];
  const claimedBy = new Map<string, string>();
  for (const item of root.items) {
    const node = item as Node | null;
    try {
      if (!isMap(node)) throw new EntryProblem('each party must be a mapping with at least a name');
      const entry = readEntry(node, file, lineOf(node), (message, at) => report(message, at));
      const ownKey = nameKey(entry.name);
      const nameOwner = claimedBy.get(ownKey);
      if (nameOwner !== undefined) {
        report(`"${entry.name}" is already defined by the entry "${nameOwner}"; this entry is skipped`, node);
        continue;
      }
      claimedBy.set(ownKey, entry.name);
      entry.aliases = entry.aliases.filter((alias, index) => {
        const key = nameKey(alias);
        if (!key || key === ownKey) return false;
        const owner = claimedBy.get(key);
        if (owner === entry.name) return false;
        if (owner !== undefined) {
          const aliasNode = (node.get('aliases', true) as Node | undefined) ?? node;
          const at = isSeq(aliasNode) ? (aliasNode.items[index] as Node) : aliasNode;
          report(
            `alias "${alias}" of "${entry.name}" is already claimed by "${owner}"; it is ignored here`,
            at,
          );
          return false;
        }
        claimedBy.set(key, entry.name);
        return true;
      });
      entries.push(entry);
    } catch (error) {
      if (!(error instanceof EntryProblem)) throw error;
      report(`${error.message}; this entry is skipped`, node);
    }
  }
  return { entries, problems };
}

function readEntry(
  node: YAMLMap,
  file: string,
  line: number | undefined,
  warn: (message: string, at: Node) => void,
): PartyFileEntry {
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!FIELDS.has(key))
      warn(`unknown field "${key}" (expected name, kind, aliases, members)`, pair.key as Node);
  }
  const name = node.get('name');
  if (typeof name !== 'string' || !name.trim()) throw new EntryProblem('a party needs a name');
  const kind = node.get('kind');
  if (kind !== undefined && kind !== null && !KINDS.includes(kind as PartyKind)) {
    throw new EntryProblem(`kind "${String(kind)}" of "${name}" is not one of ${KINDS.join(', ')}`);
  }
  const entry: PartyFileEntry = {
    name: name.trim(),
    aliases: stringList(node, 'aliases', name),
    members: stringList(node, 'members', name),
    file,
  };
  if (kind) entry.kind = kind as PartyKind;
  if (line) entry.line = line;
  return entry;
}

/** `aliases: [A, B]`, a block list, or one name on its own. */
function stringList(node: YAMLMap, field: string, name: string): string[] {
  const value: unknown = node.get(field, true);
  if (value === undefined || value === null || (isScalar(value) && value.value === null)) return [];
  if (isScalar(value)) {
    if (typeof value.value === 'string' || typeof value.value === 'number')
      return [String(value.value).trim()];
  } else if (isSeq(value)) {
    const names = value.items.map((item) => (isScalar(item) ? item.value : undefined));
    if (names.every((item) => typeof item === 'string' || typeof item === 'number')) {
      return names.map((item) => String(item).trim()).filter(Boolean);
    }
  }
  throw new EntryProblem(`${field} of "${name}" must be a list of names`);
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

/** The built-in parties plus `<dir>/parties.yml` when there is one. */
export async function loadPartyRegistry(
  briefingsDir: string,
): Promise<{ registry: PartyRegistry; problems: Problem[] }> {
  const file = join(briefingsDir, PARTIES_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { registry: PartyRegistry.builtIn(), problems: [] };
    return {
      registry: PartyRegistry.builtIn(),
      problems: [{ file, message: `cannot read: ${(error as Error).message}` }],
    };
  }
  const { entries, problems } = parsePartiesFile(file, text);
  return { registry: PartyRegistry.builtIn().withFile(entries), problems };
}
