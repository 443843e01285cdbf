/** /digest list: this server's digests, their times, filters and next post. */
import { renderSubscriptions } from '../../render/digest-admin.js';
import { defineSubcommand } from '../subcommand.js';

export const list = defineSubcommand({
  name: 'list',
  description: 'The digests of this server',
  async run(input, services) {
    const { digests } = services;
    const subs = await digests.subscriptions.list(input.guildId ?? '');
    return renderSubscriptions(subs, (sub) => digests.nextFireAt(sub));
  },
});
