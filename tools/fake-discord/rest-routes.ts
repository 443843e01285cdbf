/** The REST surface: every route the fake answers, and how a path finds its route. */
import type { Params, RouteDefinition } from './route-kit.js';
import { applicationRoutes } from './routes-application.js';
import { channelRoutes } from './routes-channels.js';
import { directMessageRoutes, withDirectMessages } from './routes-dms.js';
import { guildRoutes } from './routes-guilds.js';
import { interactionRoutes } from './routes-interactions.js';
import { threadRoutes } from './routes-threads.js';

export const ROUTES: readonly RouteDefinition[] = [
  ...applicationRoutes,
  ...directMessageRoutes,
  ...withDirectMessages(channelRoutes),
  ...threadRoutes,
  ...guildRoutes,
  ...interactionRoutes,
];

const compiled = ROUTES.map((definition) => {
  const names: string[] = [];
  const source = definition.route.replace(/\{(\w+)\}/g, (_match, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { definition, names, pattern: new RegExp(`^${source}$`) };
});

export function matchRoute(
  method: string,
  path: string,
): { definition: RouteDefinition; params: Params } | undefined {
  for (const { definition, names, pattern } of compiled) {
    if (definition.method !== method) continue;
    const match = pattern.exec(path);
    if (!match) continue;
    const params: Params = {};
    names.forEach((name, index) => {
      params[name] = match[index + 1] ?? '';
    });
    return { definition, params };
  }
  return undefined;
}

/** The id that splits a route into separate rate-limit buckets, as Discord's major parameters do. */
export function majorParameter(params: Params): string {
  return (
    params.channel_id ??
    params.guild_id ??
    (params.webhook_id ? `${params.webhook_id}:${params.webhook_token ?? ''}` : undefined) ??
    params.interaction_id ??
    'global'
  );
}

/** Interaction callbacks and webhook-token routes do not count against the bot's global limit. */
export function countsGlobally(route: string): boolean {
  return !route.startsWith('/interactions/') && !route.startsWith('/webhooks/');
}
