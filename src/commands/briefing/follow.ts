/**
 * /briefing follow party:<autocomplete> and /briefing unfollow party:<autocomplete>: a reader's party alerts, at
 * most one direct message a day listing the new briefings that name a party they follow.
 */
import { type FollowOutcome, type Follows, MAX_FOLLOWS } from '../../follow/follows.js';
import { renderFollowed, renderUnfollowed } from '../../render/follow.js';
import { stringOption } from '../options.js';
import { defineSubcommand } from '../subcommand.js';
import { type Services, UsageError } from '../types.js';
import { MAX_QUERY_LENGTH } from './question-keys.js';

const partyOption = (description: string) =>
  stringOption({
    description,
    required: true,
    autocomplete: (typed, services) => services.library().completeParties(typed),
    maxLength: MAX_QUERY_LENGTH,
  });

/** The follows, or a word that there are none where the bot cannot send direct messages (the editor tools). */
export function followsOf(services: Services): Follows {
  if (!services.follows) throw new UsageError('Party alerts are not available here.');
  return services.follows;
}

/** The party as the registry names it; one it does not know gets the closest. */
function knownParty(typed: string, services: Services): string {
  const { registry } = services.library();
  const party = registry.resolve(typed);
  if (party) return party.name;
  const close = registry.suggest(typed, 3).map((p) => p.name);
  throw new UsageError(
    `"${typed}" is not a party I know.${close.length ? ` Did you mean: ${close.join(', ')}?` : ''} Pick one from the list as you type, e.g. /briefing follow party:Ukraine`,
  );
}

export const follow = defineSubcommand({
  name: 'follow',
  description: 'Get a direct message (at most one a day) when new briefings name a party',
  options: { party: partyOption('e.g. Ukraine, Zelenskyy, NATO') },
  async run(input, services) {
    const follows = followsOf(services);
    const party = knownParty(input.options.party.trim(), services);
    const { follows: current } = await follows.following(input.user.id);
    if (current.length >= MAX_FOLLOWS && !current.some((follow) => follow.party === party)) {
      throw new UsageError(
        `You follow ${MAX_FOLLOWS} parties, as many as one reader may. Stop one first, e.g. /briefing unfollow party:${current[0]?.party ?? 'Ukraine'}`,
      );
    }
    const outcome: FollowOutcome = await follows.follow(input.user.id, party);
    return renderFollowed(party, outcome, follows.schedule);
  },
});

export const unfollow = defineSubcommand({
  name: 'unfollow',
  description: 'Stop the direct messages about a party you follow',
  options: { party: partyOption('A party you follow, e.g. Ukraine') },
  async run(input, services) {
    const follows = followsOf(services);
    const typed = input.options.party.trim();
    const { follows: current } = await follows.following(input.user.id);
    // A party since taken out of parties.yml is still found by the name it was followed under.
    const party =
      services.library().registry.resolve(typed)?.name ??
      current.find((follow) => follow.party.toLowerCase() === typed.toLowerCase())?.party ??
      typed;
    const removed = await follows.unfollow(input.user.id, party);
    const remaining = current.map((follow) => follow.party).filter((name) => name !== party);
    return renderUnfollowed(party, removed, remaining);
  },
});
