import type { PartyKind } from './model.js';

/** One party as briefings/parties.yml describes it, before it is merged with the built-in parties. */
export interface PartyFileEntry {
  name: string;
  /** Absent: the built-in party's kind when the entry extends one, else `person`. */
  kind?: PartyKind;
  aliases: string[];
  /** Names of the parties that belong to this one; a name nobody defines becomes a person. */
  members: string[];
  /** Where the entry starts, for messages. */
  file?: string;
  line?: number;
}
