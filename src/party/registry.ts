/**
 * Every party the bot knows: the built-in countries, organisations and office-holders, extended and
 * overridden by briefings/parties.yml. A name or alias belongs to exactly one party.
 */
import { hashKey, isHashKey } from '../text/short-key.js';
import { builtInParties } from './built-in.js';
import type { PartyFileEntry } from './file-entry.js';
import { fold, slugify } from './fold.js';
import type { Party } from './model.js';
import { PartySuggester } from './suggest.js';
import { nameKey } from './tokens.js';

export type { PartyFileEntry };

/** One name the matcher looks for, with the party it means. */
export interface PartyName {
  text: string;
  key: string;
  partyId: string;
  /** One of the party's laterAliases: it counts only after the party was named otherwise in the briefing. */
  later: boolean;
}

let builtInCache: PartyRegistry | undefined;

export class PartyRegistry {
  private readonly byId = new Map<string, Party>();
  private readonly byKey = new Map<string, Party>();
  private readonly nameList: PartyName[] = [];
  private readonly sorted: readonly Party[];
  private suggester?: PartySuggester;
  /** hashKey(id) -> party (see partyKey), built on the first hashed key asked for. */
  private byHashedKey?: Map<string, Party>;

  /** `parties` in priority order: where two claim the same name, the earlier keeps it. */
  private constructor(parties: readonly Party[]) {
    for (const party of parties) this.byId.set(party.id, party);
    for (const party of parties) this.addNames(party, [party.name, ...party.aliases], false);
    // After every full name, so a common surname never takes a name from another party.
    for (const party of parties) this.addNames(party, party.laterAliases ?? [], true);
    this.sorted = [...parties].sort((a, b) => a.name.localeCompare(b.name));
  }

  private addNames(party: Party, texts: readonly string[], later: boolean): void {
    for (const text of texts) {
      const key = nameKey(text);
      if (!key) continue;
      const owner = this.byKey.get(key);
      if (owner && owner !== party) continue;
      if (!owner) this.byKey.set(key, party);
      this.nameList.push({ text, key, partyId: party.id, later });
    }
  }

  /** Countries of world-countries, the major organisations and blocs, and office-holders. Built once, shared. */
  static builtIn(): PartyRegistry {
    builtInCache ??= new PartyRegistry(builtInParties());
    return builtInCache;
  }

  /** A new registry with the file's parties added and the built-in parties they name extended. */
  withFile(entries: PartyFileEntry[]): PartyRegistry {
    return new PartyRegistry(mergeFileEntries(this, entries));
  }

  /** Every party, by name. */
  all(): readonly Party[] {
    return this.sorted;
  }

  get(id: string): Party | undefined {
    return this.byId.get(id);
  }

  /**
   * By canonical name, alias (later aliases too), id or partyKey; case, diacritics, dots and possessives do not
   * matter.
   */
  resolve(name: string): Party | undefined {
    if (isHashKey(name.trim())) return this.hashedKeys().get(name.trim());
    const key = nameKey(name);
    return (key ? this.byKey.get(key) : undefined) ?? this.byId.get(fold(name).trim());
  }

  private hashedKeys(): Map<string, Party> {
    this.byHashedKey ??= new Map([...this.byId.values()].map((party) => [hashKey(party.id), party]));
    return this.byHashedKey;
  }

  /** Closest parties to what was typed: prefix matches first, then likely typos. */
  suggest(name: string, limit = 10): Party[] {
    this.suggester ??= new PartySuggester(this.sorted);
    return this.suggester.suggest(name, limit);
  }

  /** Every name the matcher should find, each owned by one party. */
  names(): readonly PartyName[] {
    return this.nameList;
  }

  /** The party and every member, members of members included. */
  withMembers(party: Party): Party[] {
    const found = new Map<string, Party>([[party.id, party]]);
    const queue = [party];
    for (let next = queue.pop(); next; next = queue.pop()) {
      for (const memberId of next.members) {
        const member = this.byId.get(memberId);
        if (member && !found.has(member.id)) {
          found.set(member.id, member);
          queue.push(member);
        }
      }
    }
    return [...found.values()];
  }
}

interface Draft extends Party {
  memberNames: string[];
}

/**
 * Applies the file in order: an entry whose name (or an alias, against built-in names) is a known party
 * extends it and takes over its display name; any other entry is a new party. Names the file gives one
 * party are taken from whichever built-in party had them (`Brussels` means the EU once the file says so).
 */
function mergeFileEntries(base: PartyRegistry, entries: PartyFileEntry[]): Party[] {
  const drafts = new Map<string, Draft>();
  for (const party of base.all()) {
    // Copies of every list: the base registry's parties are shared and must not change.
    drafts.set(party.id, {
      ...party,
      aliases: [...party.aliases],
      laterAliases: [...(party.laterAliases ?? [])],
      members: [...party.members],
      memberNames: [],
    });
  }
  const fromFile: Draft[] = [];
  const fileClaims = new Map<string, Draft>();

  for (const entry of entries) {
    const target = fileClaims.get(nameKey(entry.name)) ?? findBuiltIn(base, drafts, entry);
    let draft: Draft;
    if (target) {
      draft = target;
      if (draft.name !== entry.name) draft.aliases.unshift(draft.name);
      draft.name = entry.name;
      if (entry.kind) draft.kind = entry.kind;
    } else {
      draft = {
        id: uniqueId(drafts, entry.name),
        name: entry.name,
        kind: entry.kind ?? 'person',
        aliases: [],
        members: [],
        memberNames: [],
      };
      drafts.set(draft.id, draft);
    }
    draft.aliases.push(...entry.aliases);
    draft.memberNames.push(...entry.members);
    if (!fromFile.includes(draft)) fromFile.push(draft);
    for (const text of [entry.name, ...entry.aliases]) {
      const key = nameKey(text);
      if (key && !fileClaims.has(key)) fileClaims.set(key, draft);
    }
  }

  for (const draft of drafts.values()) {
    const own = nameKey(draft.name);
    const seen = new Set<string>([own]);
    draft.aliases = draft.aliases.filter((alias) => {
      const key = nameKey(alias);
      const claimedBy = fileClaims.get(key);
      if (!key || seen.has(key) || (claimedBy && claimedBy !== draft)) return false;
      seen.add(key);
      return true;
    });
    // A later alias the file claims for someone else, or gives as a plain alias, is no longer a later one.
    draft.laterAliases = (draft.laterAliases ?? []).filter((alias) => {
      const key = nameKey(alias);
      const claimedBy = fileClaims.get(key);
      return key && !seen.has(key) && (!claimedBy || claimedBy === draft);
    });
  }

  resolveMembers(drafts, fromFile, fileClaims);
  const ordered = [...fromFile, ...[...drafts.values()].filter((draft) => !fromFile.includes(draft))];
  return ordered.map(({ memberNames: _, ...party }) => party);
}

/**
 * The known party an entry is about: by its name or an alias of the party, else by an alias that is a known
 * party's own name. Not by a later alias: an entry named `Johnson` is not Boris Johnson.
 */
function findBuiltIn(
  base: PartyRegistry,
  drafts: Map<string, Draft>,
  entry: PartyFileEntry,
): Draft | undefined {
  const byName = base.resolve(entry.name);
  const key = nameKey(entry.name);
  if (byName && !byName.laterAliases?.some((alias) => nameKey(alias) === key)) return drafts.get(byName.id);
  for (const alias of entry.aliases) {
    const party = base.resolve(alias);
    if (party && nameKey(party.name) === nameKey(alias)) return drafts.get(party.id);
  }
  return undefined;
}

function resolveMembers(drafts: Map<string, Draft>, fromFile: Draft[], fileClaims: Map<string, Draft>): void {
  const byKey = new Map<string, Draft>();
  for (const draft of drafts.values()) {
    for (const text of [draft.name, ...draft.aliases]) {
      const key = nameKey(text);
      if (key && !byKey.has(key)) byKey.set(key, draft);
    }
  }
  for (const [key, draft] of fileClaims) byKey.set(key, draft);
  for (const draft of fromFile) {
    for (const memberName of draft.memberNames) {
      const key = nameKey(memberName);
      if (!key) continue;
      let member = byKey.get(key);
      if (!member) {
        member = {
          id: uniqueId(drafts, memberName),
          name: memberName,
          kind: 'person',
          aliases: [],
          members: [],
          memberNames: [],
        };
        drafts.set(member.id, member);
        byKey.set(key, member);
      }
      if (member !== draft && !draft.members.includes(member.id)) draft.members.push(member.id);
    }
  }
}

function uniqueId(drafts: Map<string, Draft>, name: string): string {
  const base = slugify(name);
  let id = base;
  for (let n = 2; drafts.has(id); n++) id = `${base}-${n}`;
  return id;
}
