/** A brief as the file the bot keeps: canonical markdown, with the registry parties it mentions declared. */
import type { Briefing } from '../briefing/model.js';
import { briefingToMarkdown } from '../briefing/to-markdown.js';
import { undeclaredParties } from '../party/detect-parties.js';
import type { PartyRegistry } from '../party/registry.js';

export function importedMarkdown(briefing: Briefing, registry: PartyRegistry): string {
  return briefingToMarkdown(briefing, { parties: undeclaredParties(briefing, registry) });
}
