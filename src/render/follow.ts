/** Party alerts in words: the direct message itself, and the answers to /briefing follow, unfollow and following. */
import type { Briefing } from '../briefing/model.js';
import type { FollowingStatus, FollowOutcome } from '../follow/follows.js';
import type { FollowPause } from '../follow/model.js';
import type { AlertSchedule } from '../follow/plan.js';
import type { MessagePayload, Reply } from '../message/payload.js';
import { renderDigest } from './digest.js';
import { discordTime } from './digest-admin.js';
import { code, formatDate, plural } from './format.js';
import { shorten } from './split.js';

/** What a heading names of the parties: enough to recognise them, never a wall of names. */
const PARTIES_SHOWN = 300;

function partyList(parties: readonly string[]): string {
  return shorten(parties.join(', '), PARTIES_SHOWN);
}

/** The line above an alert: how much is new, about whom, and how to stop it. */
export function followHeading(count: number, parties: readonly string[]): string {
  const about = parties.length ? ` about ${partyList(parties)}` : '';
  return (
    `**New in the briefings you follow** · ${plural(count, 'new briefing')}${about}\n` +
    `Read one in full with ${code('/briefing show')}; stop these with ${code('/briefing unfollow')}.`
  );
}

/**
 * A reader's alert: the digest's compact briefings under the follow heading. No Read buttons: they find a
 * briefing through a digest's ledger, and a direct message has none; each briefing says how to read it instead.
 */
export function renderFollowAlert(
  briefings: readonly Briefing[],
  parties: readonly string[],
): MessagePayload[] {
  return renderDigest(briefings, { heading: followHeading(briefings.length, parties) });
}

export const followRenderer = { render: renderFollowAlert };

/** When the day's alert may go, in words: "from 09:00 (Europe/Berlin)". */
function scheduleWords(schedule: AlertSchedule): string {
  return `at most one direct message a day, from ${schedule.time} (${schedule.timezone})`;
}

function followsLine(parties: readonly string[]): string {
  return parties.length ? `You follow: ${partyList(parties)}.` : 'You follow no party now.';
}

export function renderFollowed(party: string, outcome: FollowOutcome, schedule: AlertSchedule): Reply {
  const parties = outcome.follows.map((follow) => follow.party);
  const lines = outcome.added
    ? [
        `You follow **${party}**.`,
        `When new briefings name it, I send you ${scheduleWords(schedule)}, listing them. ` +
          'Allow direct messages from this server’s members to get it.',
      ]
    : [`You already follow **${party}**.`];
  if (outcome.resumed) lines.push('Your alerts were paused, as I could not message you; they are on again.');
  lines.push(followsLine(parties));
  return { content: lines.join('\n'), ephemeral: true };
}

export function renderUnfollowed(party: string, removed: boolean, remaining: readonly string[]): Reply {
  const first = removed ? `You no longer follow **${party}**.` : `You do not follow **${party}**.`;
  return { content: `${first}\n${followsLine(remaining)}`, ephemeral: true };
}

export function renderFollowing(status: FollowingStatus, schedule: AlertSchedule): Reply {
  if (!status.follows.length) {
    return {
      content: `You follow no party. Follow one with ${code('/briefing follow party:Ukraine')}: I then send you ${scheduleWords(schedule)} when new briefings name it.`,
      ephemeral: true,
    };
  }
  const lines = [
    '**Parties you follow**',
    ...status.follows.map(
      (follow) => `• ${follow.party} · since ${formatDate(follow.createdAt.slice(0, 10))}`,
    ),
    '',
    `When new briefings name one of them, I send you ${scheduleWords(schedule)}.`,
  ];
  if (status.follower?.paused) lines.push(pausedWords(status.follower.pauseReason ?? { code: 'dms-closed' }));
  const last = status.lastAlert;
  if (last?.status === 'sent')
    lines.push(
      `Last alert: ${discordTime(new Date(last.updatedAt))}, ${plural(last.briefingIds.length, 'briefing')}.`,
    );
  if (!status.follower?.paused)
    lines.push(
      status.nextAlertFrom
        ? `Next alert: from ${discordTime(status.nextAlertFrom)}, if there is news.`
        : 'Next alert: as soon as a new briefing names one of them.',
    );
  return { content: lines.join('\n'), ephemeral: true };
}

function pausedWords(pause: FollowPause): string {
  switch (pause.code) {
    case 'dms-closed':
      return (
        '⏸ **Your alerts are paused**: I could not send you a direct message (your direct messages are closed to me). ' +
        `Allow direct messages from this server’s members (the server’s Privacy Settings), then run ${code('/briefing follow')} with a party to turn them on again.`
      );
  }
}

/** Told once, with the reader's next /briefing answer, only to them. */
export function renderFollowPauseNote(pause: FollowPause): MessagePayload {
  return { content: pausedWords(pause) };
}
