/**
 * Why a digest went as it did, as codes with their facts: stored as such in the ledger, turned into words only in
 * render/ (digest-reasons.ts). A row written before codes existed reads as `legacy` with its old sentence.
 */

/** Why a subscription is paused. */
export type PauseReason =
  | { code: 'by-manager'; by?: string }
  | { code: 'missing-permission'; permissions: string[]; channelName: string | null }
  | { code: 'channel-gone'; channelName: string | null }
  | { code: 'legacy'; text: string };

/** What Discord said when a channel can no longer take digests: the subscription is paused for it. */
export type ChannelLoss = Extract<PauseReason, { code: 'missing-permission' | 'channel-gone' }>;

/** A ledger row's reason: why nothing was sent, why it failed, or a note on how it was sent. */
export type DeliveryReason =
  | { code: 'nothing-new'; party: string | null; tag: string | null }
  | { code: 'paused'; pause: PauseReason }
  | { code: 'missed'; time: string; timezone: string; lateMs: number; graceMs: number }
  /** On a caught-up row: the bot was not running at the fire. */
  | { code: 'bot-was-down'; time: string; timezone: string }
  /** On a sent row that went out more than a few minutes after its time, with why when known. */
  | { code: 'posted-late'; lateMs: number; cause: DeliveryReason | null }
  /** Why a late post was late: Discord did not take the earlier attempts. */
  | { code: 'retried'; error: string }
  | { code: 'render-failed'; error: string }
  /** Discord did not take it until its catch-up window closed. */
  | { code: 'send-failed'; error: string; attempts: number }
  /** A pending row found past its catch-up window: not sent. */
  | { code: 'window-closed'; lastError: string | null }
  /** The channel was gone or closed to the bot; the subscription is paused. */
  | { code: 'channel-lost'; loss: ChannelLoss }
  /** Not sent again: whether it is already in the channel could not be checked. */
  | { code: 'unconfirmed-unreadable'; error: string; loss: ChannelLoss | null }
  | { code: 'unconfirmed-too-much-history' }
  | { code: 'subscription-removed' }
  /** Sent, but crossposting to followers failed. */
  | { code: 'not-crossposted'; error: string; loss: ChannelLoss | null; before: DeliveryReason | null }
  | { code: 'legacy'; text: string };

const PAUSE_CODES = new Set(['by-manager', 'missing-permission', 'channel-gone', 'legacy']);

/** A stored reason (JSON of a code, or a sentence from before codes) read back; null stays null. */
export function readReason(stored: string | null): DeliveryReason | null {
  if (stored === null) return null;
  const parsed = parseCode(stored);
  return parsed && typeof parsed.code === 'string'
    ? (parsed as DeliveryReason)
    : { code: 'legacy', text: stored };
}

export function readPauseReason(stored: string | null): PauseReason | null {
  if (stored === null) return null;
  const parsed = parseCode(stored);
  return parsed && PAUSE_CODES.has(String(parsed.code))
    ? (parsed as PauseReason)
    : { code: 'legacy', text: stored };
}

export function storeReason(reason: DeliveryReason | PauseReason | null): string | null {
  return reason === null ? null : JSON.stringify(reason);
}

function parseCode(stored: string): { code?: unknown } | undefined {
  if (!stored.startsWith('{')) return undefined;
  try {
    const value = JSON.parse(stored) as unknown;
    return value && typeof value === 'object' ? (value as { code?: unknown }) : undefined;
  } catch {
    return undefined;
  }
}
