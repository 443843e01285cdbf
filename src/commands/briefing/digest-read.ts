/**
 * A digest's Read buttons: the whole briefing, shown to whoever clicked, with its own pages. The button names
 * the briefing by its place in the delivery, and the ledger knows which briefing that is: an id of any length
 * fits, and a briefing that has since been renamed or removed is said to be gone rather than guessed at.
 */

import { MARKER_PREFIX, markedNonce } from '../../digest/delivery/reconcile.js';
import type { Reply } from '../../message/payload.js';
import { readTargetOf } from '../../render/digest-buttons.js';
import type { Invoker, Services } from '../types.js';
import { UsageError } from '../types.js';
import { briefingAnswer } from './paged.js';

export const DIGEST_BUTTON_PREFIX = MARKER_PREFIX;

export async function readFromDigest(
  customId: string,
  clickedBy: Invoker,
  services: Services,
): Promise<Reply> {
  const marker = markedNonce(customId);
  const target = marker
    ? readTargetOf(customId.slice(DIGEST_BUTTON_PREFIX.length + marker.length + 1))
    : undefined;
  if (!marker || !target) throw new UsageError('This button is not one of the bot’s. Try /briefing latest.');
  const library = services.library();
  if (target === 'latest') {
    const newest = library.latest();
    if (!newest) throw new UsageError('There are no briefings yet.');
    return briefingAnswer(newest, clickedBy.user.id, services);
  }
  const id = (await services.digests.briefingsMarked(marker))?.[target.briefing];
  const briefing = id === undefined ? undefined : library.get(id);
  if (!briefing)
    throw new UsageError(
      'That briefing is no longer in the library. See what there is with /briefing latest or /briefing list.',
    );
  return briefingAnswer(briefing, clickedBy.user.id, services);
}
