/** /briefing following: the parties a reader follows, and whether their alerts are on. */
import { renderFollowing } from '../../render/follow.js';
import { defineSubcommand } from '../subcommand.js';
import { followsOf } from './follow.js';

export const following = defineSubcommand({
  name: 'following',
  description: 'The parties you follow, and when your next alert may come',
  async run(input, services) {
    const follows = followsOf(services);
    return renderFollowing(await follows.following(input.user.id), follows.schedule);
  },
});
