/**
 * briefings/parties.yml: the editors' list of parties, read into entries with every problem located at
 * its line. A bad entry is skipped and reported; the others still load.
 */
import { join } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument, type YAMLMap } from 'yaml';
import type { Problem } from '../briefing/model.js';
import { readTextFile } from '../files/read-text-file.js';
import { nameProblem, type PartyFileEntry } from './file-entry.js';
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
      const { entry, aliasNodes } = readEntry(node, file, lineOf(node), (message, at) => report(message, at));
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
          const at = aliasNodes[index] ?? node;
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

/** The entry, and the node of each of its aliases (for messages about one alias). */
function readEntry(
  node: YAMLMap,
  file: string,
  line: number | undefined,
  warn: (message: string, at: Node) => void,
): { entry: PartyFileEntry; aliasNodes: Node[] } {
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
  const notAName = nameProblem(name.trim());
  if (notAName) throw new EntryProblem(`name "${name.trim()}" is not a name: ${notAName}`);
  // A bad alias or member is reported at its line and left out; the entry keeps the rest.
  const names = (field: string, what: string) =>
    stringList(node, field, name).filter((item) => {
      const problem = nameProblem(item.text);
      if (problem) warn(`${what} "${item.text}" is not a name: ${problem}; it is ignored`, item.node);
      return !problem;
    });
  const aliases = names('aliases', 'alias');
  const entry: PartyFileEntry = {
    name: name.trim(),
    aliases: aliases.map((item) => item.text),
    members: names('members', 'member').map((item) => item.text),
    file,
  };
  if (kind) entry.kind = kind as PartyKind;
  if (line) entry.line = line;
  return { entry, aliasNodes: aliases.map((item) => item.node) };
}

/** `aliases: [A, B]`, a block list, or one name on its own; each name with its node. */
function stringList(node: YAMLMap, field: string, name: string): { text: string; node: Node }[] {
  const value: unknown = node.get(field, true);
  if (value === undefined || value === null || (isScalar(value) && value.value === null)) return [];
  if (isScalar(value)) {
    if (typeof value.value === 'string' || typeof value.value === 'number')
      return [{ text: String(value.value).trim(), node: value }];
  } else if (isSeq(value)) {
    const items = value.items.filter(isScalar);
    const names = items.map((item) => item.value);
    if (
      items.length === value.items.length &&
      names.every((item) => typeof item === 'string' || typeof item === 'number')
    ) {
      return items
        .map((item) => ({ text: String(item.value).trim(), node: item as Node }))
        .filter((item) => item.text);
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
): Promise<{ registry: PartyRegistry; entries: PartyFileEntry[]; problems: Problem[] }> {
  const file = join(briefingsDir, PARTIES_FILE);
  // The shared reader: a FIFO, a device or a huge file in its place is refused, never waited on.
  const read = readTextFile(file, { what: PARTIES_FILE });
  if (!read.ok) {
    const problems = read.failure === 'missing' ? [] : [{ file, message: read.message }];
    return { registry: PartyRegistry.builtIn(), entries: [], problems };
  }
  const { entries, problems } = parsePartiesFile(file, read.text);
  return { registry: PartyRegistry.builtIn().withFile(entries), entries, problems };
}
