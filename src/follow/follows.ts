/** What command handlers may ask of follows: the interface they see, whoever implements it. */
import type { AlertRecord, Follow, Follower, FollowPause } from './model.js';
import type { AlertSchedule } from './plan.js';

/** How many parties one reader may follow. */
export const MAX_FOLLOWS = 25;

export interface FollowOutcome {
  /** False when the reader already followed it. */
  added: boolean;
  /** Their alerts were paused (direct messages closed) and are taken up again. */
  resumed: boolean;
  follows: Follow[];
}

export interface FollowingStatus {
  follows: Follow[];
  follower: Follower | undefined;
  /** Their latest alert, if any. */
  lastAlert: AlertRecord | undefined;
  /** From when the next alert may go; null: now, as soon as a new briefing names a party they follow. */
  nextAlertFrom: Date | null;
}

export interface Follows {
  readonly schedule: AlertSchedule;
  /** Follows a party (by its registry name); following anything also takes paused alerts up again. */
  follow(userId: string, party: string): Promise<FollowOutcome>;
  /** False when the reader did not follow it. */
  unfollow(userId: string, party: string): Promise<boolean>;
  following(userId: string): Promise<FollowingStatus>;
  /** A pause the reader has not been told of yet, marked as told: each pause is told once. */
  takePauseNotice(userId: string): Promise<FollowPause | undefined>;
}
