/** What server managers see about their digests: the subscriptions and the delivery ledger. */
import type { DeliveryRecord, Subscription } from '../digest/model.js';
import type { Reply } from '../message/payload.js';
import { cardMessages } from './card.js';
import { describePause, describeReason } from './digest-reasons.js';
import type { Section } from './fields.js';
import { COLORS, plural } from './format.js';
import { capMessages, toReply } from './pack.js';

/** A channel as Discord shows it; `<#id>` renders as a link and never pings. Local mode has no ids. */
export function channelLabel(sub: Pick<Subscription, 'channelId' | 'channelName'>): string {
  return /^\d{17,20}$/.test(sub.channelId) ? `<#${sub.channelId}>` : `#${sub.channelName ?? sub.channelId}`;
}

/** Discord renders `<t:…:f>` in each reader's own time zone. */
export function discordTime(at: Date, style: 'f' | 'R' = 'f'): string {
  return `<t:${Math.floor(at.getTime() / 1000)}:${style}>`;
}

export function describeSubscription(sub: Subscription, nextAt?: Date): string[] {
  const filters = [sub.party && `about ${sub.party}`, sub.tag && `tagged ${sub.tag}`]
    .filter(Boolean)
    .join(', ');
  const lines = [
    `Every day at **${sub.time}** (${sub.timezone})${filters ? ` · only briefings ${filters}` : ''}`,
  ];
  const options = [
    sub.postWhenEmpty && 'posts on quiet days',
    sub.publish && 'publishes to followers',
    // Shown as a mention, which answers never ping.
    sub.mentionRoleId && `mentions <@&${sub.mentionRoleId}> when it has briefings`,
  ].filter(Boolean);
  if (options.length) lines.push(options.join(' · '));
  if (sub.paused) lines.push(`⏸ Paused: ${describePause(sub.pauseReason)}`);
  else if (nextAt) lines.push(`Next: ${discordTime(nextAt)} (${discordTime(nextAt, 'R')})`);
  return lines;
}

export function renderSubscriptions(
  subs: readonly Subscription[],
  nextAt: (sub: Subscription) => Date,
): Reply {
  if (!subs.length) {
    return {
      content: 'No digests in this server yet. Set one up with `/digest subscribe`.',
      ephemeral: true,
    };
  }
  const sections: Section[] = subs.map((sub) => ({
    name: `#${sub.channelName ?? sub.channelId}`,
    lines: [
      // A Discord channel link opens the channel; in the terminal the name above says it all.
      ...(channelLabel(sub).startsWith('<#') ? [channelLabel(sub)] : []),
      ...describeSubscription(sub, sub.paused ? undefined : nextAt(sub)),
    ],
  }));
  const messages = cardMessages([
    { accent: COLORS.list, title: 'Digests', lead: plural(subs.length, 'channel'), sections },
  ]);
  const note = 'See one channel with `/digest status channel:`.';
  return toReply(capMessages(messages, note), { ephemeral: true });
}

const STATUS_WORDS: Record<DeliveryRecord['status'], string> = {
  pending: '⏳ sending',
  sent: '✅ sent',
  'nothing-new': '➖ nothing new',
  missed: '⚠️ missed',
  paused: '⏸ paused',
  failed: '❌ failed',
  unconfirmed: '❔ not confirmed',
};

/** A send Discord has not taken yet: how often it failed, why, and when it is tried again. */
function retryNote(record: DeliveryRecord): string | null {
  if (record.status !== 'pending' || record.attempts === 0) return null;
  const next = record.retryAt ? `; next try ${discordTime(new Date(record.retryAt), 'R')}` : '';
  return `${plural(record.attempts, 'failed attempt')} (${record.lastError ?? 'no answer'})${next}`;
}

function recordLine(record: DeliveryRecord): string {
  const what =
    record.status === 'sent'
      ? `${plural(record.briefingIds.length, 'briefing')} in ${plural(record.messageIds.length, 'message')}`
      : '';
  const kind = record.kind === 'manual' ? 'send-now' : `digest of ${record.localDate}`;
  const notes = [record.reason && describeReason(record.reason), retryNote(record)].filter(Boolean);
  const reason = notes.length ? ` · ${notes.join(' · ')}` : '';
  return `${discordTime(new Date(record.fireAt))} · ${kind} · **${STATUS_WORDS[record.status]}**${what ? ` · ${what}` : ''}${reason}`;
}

export function renderStatus(
  records: readonly DeliveryRecord[],
  subs: readonly Subscription[],
  nextAt: (sub: Subscription) => Date,
): Reply {
  if (!records.length && !subs.length) {
    return {
      content: 'No digests and no deliveries yet. Set one up with `/digest subscribe`.',
      ephemeral: true,
    };
  }
  const sections: Section[] = subs.map((sub) => ({
    name: `#${sub.channelName ?? sub.channelId}`,
    lines: describeSubscription(sub, sub.paused ? undefined : nextAt(sub)),
  }));
  sections.push({
    name: 'Last deliveries',
    lines: records.length ? records.map(recordLine) : ['None yet: the first digest has not come due.'],
  });
  const messages = cardMessages([{ accent: COLORS.list, title: 'Digest status', sections }]);
  const note = 'See one channel with `/digest status channel:`.';
  return toReply(capMessages(messages, note), { ephemeral: true });
}
