/** What the digest refused or cannot do, in words for the manager who asked (with Discord's channel links). */
import type { DigestProblem } from '../digest/errors.js';
import type { StoreLoss } from '../digest/store.js';
import { channelLabel } from './digest-admin.js';

export function describeStoreLoss(loss: StoreLoss): string {
  const what =
    loss.code === 'deleted'
      ? `the file ${loss.location} (or its folder) was deleted`
      : `the file ${loss.location} was replaced by another file`;
  return `${what} while the bot was running: digests are stopped. Restore the file from a backup (or put it back) and restart the bot.`;
}

export function describeDigestProblem(problem: DigestProblem): string {
  switch (problem.code) {
    case 'invalid-time':
      return `"${problem.input}" is not a time of day: use HH:MM on a 24-hour clock, from 00:00 to 23:59 (for example 07:30 or 18:00).`;
    case 'invalid-timezone': {
      const hint = problem.suggestions.length ? ` Did you mean ${problem.suggestions.join(', ')}?` : '';
      return `"${problem.input}" is not a known time zone.${hint} Pick one from the list, such as Europe/Berlin, America/New_York or UTC.`;
    }
    case 'too-long':
      return `The ${problem.field} is too long: at most ${problem.max} characters.`;
    case 'malformed-id':
      return `The ${problem.field} is missing or malformed.`;
    case 'not-subscribed':
      return `No digest is set up for ${channelLabel({ channelId: problem.channelId, channelName: null })}. Subscribe it first.`;
    case 'store-lost':
      return `Digests are stopped: ${describeStoreLoss(problem.loss)}`;
  }
}
