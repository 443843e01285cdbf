/** The publishing services, or the answer that says this bot cannot publish (the editor tools have none). */
import type { Publishing } from '../../publish/publishing.js';
import { type Services, UsageError } from '../types.js';

export function publishingOf(services: Services): Publishing {
  if (!services.publishing)
    throw new UsageError('Publishing is not available here: add the file to the briefing folder instead.');
  return services.publishing;
}
