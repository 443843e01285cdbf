/**
 * Each request reaches Discord with the User-Agent of the instance that made it (the bot's carries its
 * INSTANCE_NAME), the proxy's mark appended: behind one proxy, instances can still be told apart. REST would
 * otherwise send its own. A client whose agent is not shaped as Discord asks (`DiscordBot (url, version)`)
 * gets the proxy's.
 */
import type { RESTOptions } from '@discordjs/rest';
import { currentIncoming } from './incoming.js';

type MakeRequest = RESTOptions['makeRequest'];

export function asTheClient(send: MakeRequest, mark: string): MakeRequest {
  return (url, init) => {
    const agent = currentIncoming()?.userAgent;
    const headers = init.headers;
    if (
      !agent?.startsWith('DiscordBot (') ||
      !headers ||
      typeof headers !== 'object' ||
      Array.isArray(headers)
    )
      return send(url, init);
    if (headers instanceof Headers) {
      const copy = new Headers(headers);
      copy.set('User-Agent', `${agent} ${mark}`);
      return send(url, { ...init, headers: copy });
    }
    const plain = Object.fromEntries(
      Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'user-agent'),
    );
    return send(url, { ...init, headers: { ...plain, 'User-Agent': `${agent} ${mark}` } });
  };
}
