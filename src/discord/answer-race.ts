/**
 * Discord refusing a first answer that was not wrong: with two instances of a shard running (a deploy's overlap, a
 * standby), both get each interaction and race to answer it; the loser is told 40060 "already acknowledged". 10062
 * "Unknown interaction" is the same race seen late, or an answer past Discord's three seconds.
 */
import { DiscordAPIError, RESTJSONErrorCodes } from 'discord.js';

export type LostAnswer = 'answered-elsewhere' | 'expired';

export function lostAnswer(error: unknown): LostAnswer | undefined {
  if (!(error instanceof DiscordAPIError)) return undefined;
  if (error.code === RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged) return 'answered-elsewhere';
  if (error.code === RESTJSONErrorCodes.UnknownInteraction) return 'expired';
  return undefined;
}
