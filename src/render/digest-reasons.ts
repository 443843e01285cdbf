/** The digest's reason codes in words, for `/digest status`, `/digest list`, send-now answers and log-free text. */
import type { DigestFilter } from '../digest/compose/select.js';
import type { ChannelLoss, DeliveryReason, PauseReason } from '../digest/reasons.js';

/** "3 h 5 min", "40 min". */
export function describeDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** "about Russia tagged energy": the filters in words; empty without filters. */
export function describeFilter(filter: DigestFilter): string {
  const words = [filter.party && `about ${filter.party}`, filter.tag && `tagged ${filter.tag}`].filter(
    Boolean,
  );
  return words.join(' ');
}

function where(channelName: string | null): string {
  return channelName ? `#${channelName}` : 'the channel';
}

export function describeLoss(loss: ChannelLoss): string {
  return loss.code === 'missing-permission'
    ? `missing ${loss.permissions.join(', ')} in ${where(loss.channelName)}`
    : `${where(loss.channelName)} no longer exists`;
}

export function describePause(reason: PauseReason | null): string {
  if (!reason) return 'paused by a server manager';
  switch (reason.code) {
    case 'by-manager':
      return reason.by ? `paused by ${reason.by}` : 'paused by a server manager';
    case 'missing-permission':
    case 'channel-gone':
      return describeLoss(reason);
    case 'legacy':
      return reason.text;
  }
}

export function describeReason(reason: DeliveryReason): string {
  switch (reason.code) {
    case 'nothing-new': {
      const filter = describeFilter(reason);
      return `no new briefings${filter ? ` ${filter}` : ''} since the last digest`;
    }
    case 'paused':
      return `subscription paused: ${describePause(reason.pause)}`;
    case 'missed':
      return (
        `not sent: the bot was not running at ${reason.time} ${reason.timezone} and came back ` +
        `${describeDuration(reason.lateMs)} later, past the ${describeDuration(reason.graceMs)} catch-up window`
      );
    case 'bot-was-down':
      return `the bot was not running at ${reason.time} ${reason.timezone}`;
    case 'posted-late':
      return `posted ${describeDuration(reason.lateMs)} late${reason.cause ? ` (${describeReason(reason.cause)})` : ''}`;
    case 'retried':
      return `Discord did not take it earlier: ${reason.error}`;
    case 'render-failed':
      return `could not build the digest: ${reason.error}`;
    case 'send-failed':
      return `${reason.error} (after ${reason.attempts} attempts, until its catch-up window closed)`;
    case 'window-closed':
      return `not sent: its catch-up window closed${reason.lastError ? `; last error: ${reason.lastError}` : ''}`;
    case 'channel-lost':
      return `${describeLoss(reason.loss)}; digest paused until resumed`;
    case 'unconfirmed-unreadable':
      return `not sent again: could not check whether it is already in the channel (${reason.loss ? describeLoss(reason.loss) : reason.error})`;
    case 'unconfirmed-too-much-history':
      return 'not sent again: too many messages came in the channel since the first try to check that it is not already there';
    case 'subscription-removed':
      return 'the subscription was removed before this digest went out';
    case 'not-crossposted':
      return `${reason.before ? `${describeReason(reason.before)}; ` : ''}posted, but not crossposted: ${reason.loss ? describeLoss(reason.loss) : reason.error}`;
    case 'legacy':
      return reason.text;
  }
}
