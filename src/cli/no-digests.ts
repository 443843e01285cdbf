/** The editor tools ask only /briefing questions: they keep no digests, and say so if one is ever asked for. */
import type { Digests } from '../digest/digests.js';

const refuse = (): never => {
  throw new Error('The editor tools keep no digests: use /digest in the bot.');
};

export const noDigests: Digests = {
  subscriptions: {
    subscribe: refuse,
    unsubscribe: refuse,
    get: refuse,
    list: refuse,
    pause: refuse,
    resume: refuse,
    require: refuse,
  },
  nextFireAt: refuse,
  preview: refuse,
  sendNow: refuse,
  status: refuse,
  briefingsMarked: refuse,
};
