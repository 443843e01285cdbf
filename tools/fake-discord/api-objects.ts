/** The world turned into the JSON objects Discord sends: users, roles, channels, members, guilds. */
import {
  type APIGuildMember,
  type APIOverwrite,
  type APIRole,
  type APIUser,
  ChannelType,
  type GatewayGuildCreateDispatchData,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  type GuildMemberFlags,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  type Locale,
  type RoleFlags,
  type UserFlags,
} from 'discord-api-types/v10';
import type { ChannelSpec, GuildSpec, MemberSpec, RoleSpec, UserSpec, WorldSpec } from './world.js';
import { findUser } from './world.js';

/** When every member of the default world joined; a fixed date keeps payloads reproducible. */
const JOINED_AT = '2024-01-15T09:00:00.000000+00:00';

export function apiUser(user: UserSpec): APIUser {
  return {
    id: user.id,
    username: user.username,
    discriminator: '0',
    global_name: user.globalName ?? null,
    avatar: null,
    ...(user.bot ? { bot: true } : {}),
    public_flags: 0 as UserFlags,
    flags: 0 as UserFlags,
    banner: null,
    accent_color: null,
    avatar_decoration_data: null,
    collectibles: null,
    primary_guild: null,
  };
}

export function apiRole(role: RoleSpec): APIRole {
  return {
    id: role.id,
    name: role.name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position: role.position,
    permissions: role.permissions,
    managed: role.managedForBot !== undefined,
    mentionable: role.mentionable ?? false,
    ...(role.managedForBot ? { tags: { bot_id: role.managedForBot } } : {}),
    flags: 0 as RoleFlags,
  };
}

function apiOverwrites(channel: ChannelSpec): APIOverwrite[] {
  return channel.overwrites.map((o) => ({ id: o.id, type: o.type, allow: o.allow, deny: o.deny }));
}

/** A guild channel as GET /channels/{id} and GUILD_CREATE describe it. */
export function apiChannel(guild: GuildSpec, channel: ChannelSpec): Record<string, unknown> {
  const common = {
    id: channel.id,
    type: channel.type,
    guild_id: guild.id,
    name: channel.name,
    position: channel.position,
    flags: 0,
    parent_id: channel.parentId ?? null,
    permission_overwrites: apiOverwrites(channel),
  };
  switch (channel.type) {
    case ChannelType.GuildCategory:
      return common;
    case ChannelType.GuildVoice:
      return {
        ...common,
        bitrate: 64000,
        user_limit: 0,
        rtc_region: null,
        rate_limit_per_user: 0,
        nsfw: false,
        last_message_id: null,
      };
    case ChannelType.GuildForum:
    case ChannelType.GuildMedia:
      return {
        ...common,
        topic: channel.topic ?? null,
        nsfw: false,
        last_message_id: null,
        rate_limit_per_user: 0,
        default_thread_rate_limit_per_user: 0,
        default_auto_archive_duration: 4320,
        available_tags: (channel.availableTags ?? []).map((tag) => ({
          id: tag.id,
          name: tag.name,
          moderated: tag.moderated ?? false,
          emoji_id: null,
          emoji_name: null,
        })),
        default_reaction_emoji: null,
        default_sort_order: null,
        ...(channel.type === ChannelType.GuildForum ? { default_forum_layout: 0 } : {}),
      };
    default:
      return {
        ...common,
        topic: channel.topic ?? null,
        nsfw: false,
        last_message_id: null,
        rate_limit_per_user: 0,
        default_thread_rate_limit_per_user: 0,
      };
  }
}

export function apiMember(world: WorldSpec, member: MemberSpec): APIGuildMember {
  const user = findUser(world, member.userId) ?? {
    id: member.userId,
    username: `user-${member.userId.slice(-4)}`,
  };
  return {
    user: apiUser(user),
    nick: member.nick ?? null,
    avatar: null,
    banner: null,
    roles: [...member.roles],
    joined_at: JOINED_AT,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
    pending: false,
    communication_disabled_until: null,
  };
}

/** GUILD_CREATE for a guild; `threads` are its active threads as Discord describes them. */
export function guildCreate(
  world: WorldSpec,
  guild: GuildSpec,
  threads: readonly Record<string, unknown>[] = [],
): GatewayGuildCreateDispatchData {
  const firstText = guild.channels.find((channel) => channel.type === ChannelType.GuildText);
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: guild.ownerId,
    region: 'en-US',
    afk_channel_id: null,
    afk_timeout: 300,
    widget_enabled: false,
    widget_channel_id: null,
    verification_level: GuildVerificationLevel.Low,
    default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
    explicit_content_filter: GuildExplicitContentFilter.AllMembers,
    roles: guild.roles.map(apiRole),
    emojis: [],
    features: [],
    mfa_level: GuildMFALevel.None,
    application_id: null,
    system_channel_id: firstText?.id ?? null,
    system_channel_flags: GuildSystemChannelFlags.SuppressJoinNotifications,
    rules_channel_id: null,
    max_presences: null,
    max_members: 500000,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: GuildPremiumTier.None,
    premium_subscription_count: 0,
    preferred_locale: (guild.preferredLocale ?? 'en-US') as Locale,
    public_updates_channel_id: null,
    max_video_channel_users: 25,
    max_stage_video_channel_users: 50,
    nsfw_level: GuildNSFWLevel.Default,
    stickers: [],
    premium_progress_bar_enabled: false,
    hub_type: null,
    safety_alerts_channel_id: null,
    incidents_data: null,
    joined_at: JOINED_AT,
    large: false,
    unavailable: false,
    member_count: guild.members.length,
    voice_states: [],
    members: guild.members.map((member) => apiMember(world, member)),
    channels: guild.channels.map((channel) => {
      // GUILD_CREATE leaves guild_id off its channels; the receiver knows the guild.
      const { guild_id: _guildId, ...rest } = apiChannel(guild, channel);
      return rest as never;
    }),
    threads: threads as never[],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}
