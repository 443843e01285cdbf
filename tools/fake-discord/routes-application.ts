/** Gateway discovery, the bot's own user and application, and application command registration. */
import { apiUser } from './api-objects.js';
import {
  discordError,
  invalidFormBody,
  type Params,
  type RouteContext,
  type RouteDefinition,
  type RouteResult,
} from './route-kit.js';
import { findGuild, findUser } from './world.js';

function me(ctx: RouteContext) {
  return { ...apiUser(ctx.world.bot), verified: true, mfa_enabled: false, email: null, locale: 'en-US' };
}

/** Commands live under the bot's own application, and guild commands only in guilds the bot is in. */
function scope(ctx: RouteContext, params: Params): { guildId: string | null } | RouteResult {
  if (params.application_id !== ctx.world.application.id) return discordError(403, 50001, 'Missing Access');
  const guildId = params.guild_id ?? null;
  if (guildId === null) return { guildId };
  const guild = findGuild(ctx.world, guildId);
  if (!guild) return discordError(404, 10004, 'Unknown Guild');
  if (!guild.members.some((member) => member.userId === ctx.world.bot.id)) {
    return discordError(403, 50001, 'Missing Access');
  }
  return { guildId };
}

const isResult = (value: { guildId: string | null } | RouteResult): value is RouteResult => 'status' in value;

function commandRoutes(base: string): RouteDefinition[] {
  return [
    {
      method: 'GET',
      route: base,
      auth: true,
      handle(ctx, params) {
        const found = scope(ctx, params);
        return isResult(found) ? found : { status: 200, body: ctx.commands.list(found.guildId) };
      },
    },
    {
      method: 'PUT',
      route: base,
      auth: true,
      handle(ctx, params, request) {
        const found = scope(ctx, params);
        if (isResult(found)) return found;
        const problems = ctx.check(request, `PUT ${base}`, { schema: 'commands-overwrite' });
        if (problems.length > 0) return invalidFormBody(problems);
        const bodies = Array.isArray(request.body) ? (request.body as Record<string, unknown>[]) : [];
        return { status: 200, body: ctx.commands.overwrite(found.guildId, bodies) };
      },
    },
    {
      method: 'POST',
      route: base,
      auth: true,
      handle(ctx, params, request) {
        const found = scope(ctx, params);
        if (isResult(found)) return found;
        const problems = ctx.check(request, `POST ${base}`, { schema: 'command-create' });
        if (problems.length > 0) return invalidFormBody(problems);
        const { command, created } = ctx.commands.upsert(
          found.guildId,
          request.body as Record<string, unknown>,
        );
        return { status: created ? 201 : 200, body: command };
      },
    },
    {
      method: 'DELETE',
      route: `${base}/{command_id}`,
      auth: true,
      handle(ctx, params) {
        const found = scope(ctx, params);
        if (isResult(found)) return found;
        return ctx.commands.delete(found.guildId, params.command_id ?? '')
          ? { status: 204 }
          : discordError(404, 10063, 'Unknown application command');
      },
    },
  ];
}

export const applicationRoutes: readonly RouteDefinition[] = [
  {
    method: 'GET',
    route: '/gateway/bot',
    auth: true,
    handle: (ctx) => ({
      status: 200,
      body: {
        url: ctx.gatewayUrl,
        shards: ctx.gatewayBot.shards,
        session_start_limit: {
          total: 1000,
          remaining: 999,
          reset_after: 14_400_000,
          max_concurrency: ctx.gatewayBot.maxConcurrency,
        },
      },
    }),
  },
  {
    method: 'GET',
    route: '/gateway',
    auth: false,
    handle: (ctx) => ({ status: 200, body: { url: ctx.gatewayUrl } }),
  },
  { method: 'GET', route: '/users/@me', auth: true, handle: (ctx) => ({ status: 200, body: me(ctx) }) },
  {
    method: 'GET',
    route: '/users/{user_id}',
    auth: true,
    handle(ctx, params) {
      const user = findUser(ctx.world, params.user_id ?? '');
      return user ? { status: 200, body: apiUser(user) } : discordError(404, 10013, 'Unknown User');
    },
  },
  {
    method: 'GET',
    route: '/applications/@me',
    auth: true,
    handle: (ctx) => ({
      status: 200,
      body: {
        id: ctx.world.application.id,
        name: ctx.world.application.name,
        icon: null,
        description: '',
        summary: '',
        type: null,
        bot_public: false,
        bot_require_code_grant: false,
        verify_key: 'a'.repeat(64),
        flags: ctx.world.application.flags,
        bot: apiUser(ctx.world.bot),
        owner: apiUser(ctx.world.users[0] ?? ctx.world.bot),
        team: null,
        approximate_guild_count: ctx.world.guilds.length,
        integration_types_config: { '0': {} },
      },
    }),
  },
  ...commandRoutes('/applications/{application_id}/commands'),
  ...commandRoutes('/applications/{application_id}/guilds/{guild_id}/commands'),
];
