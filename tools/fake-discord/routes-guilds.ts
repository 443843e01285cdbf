/**
 * A guild's roles and members over REST, as a bot reads them for a guild its gateway session does not hold (one on
 * another shard): unknown guild 404 (10004), a guild the bot is not in 403 Missing Access (50001), an unknown member
 * 404 (10007).
 */
import { apiMember, apiRole } from './api-objects.js';
import { discordError, type RouteContext, type RouteDefinition, type RouteResult } from './route-kit.js';
import { findGuild, type GuildSpec } from './world.js';

function botGuild(ctx: RouteContext, guildId: string | undefined): GuildSpec | RouteResult {
  const guild = findGuild(ctx.world, guildId ?? '');
  if (!guild) return discordError(404, 10004, 'Unknown Guild');
  if (!guild.members.some((member) => member.userId === ctx.world.bot.id)) {
    return discordError(403, 50001, 'Missing Access');
  }
  return guild;
}

const isGuild = (value: GuildSpec | RouteResult): value is GuildSpec => 'roles' in value;

export const guildRoutes: readonly RouteDefinition[] = [
  {
    method: 'GET',
    route: '/guilds/{guild_id}/roles',
    auth: true,
    handle(ctx, params) {
      const guild = botGuild(ctx, params.guild_id);
      return isGuild(guild) ? { status: 200, body: guild.roles.map(apiRole) } : guild;
    },
  },
  {
    method: 'GET',
    route: '/guilds/{guild_id}/members/{user_id}',
    auth: true,
    handle(ctx, params) {
      const guild = botGuild(ctx, params.guild_id);
      if (!isGuild(guild)) return guild;
      const member = guild.members.find((candidate) => candidate.userId === params.user_id);
      return member
        ? { status: 200, body: apiMember(ctx.world, member) }
        : discordError(404, 10007, 'Unknown Member');
    },
  },
];
