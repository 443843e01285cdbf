/** /digest subscribe: one subscription per channel; subscribing again changes it. */
import { searchTimezones } from '../../digest/subscriptions/timezones.js';
import { channelLabel, describeSubscription } from '../../render/digest-admin.js';
import { booleanOption, roleOption, stringOption } from '../options.js';
import { defineSubcommand } from '../subcommand.js';
import { type RoleOption, type Services, UsageError } from '../types.js';
import { assertPostable, channelNamed } from './channel.js';

/** Text a manager typed, blank counting as left out. */
const text = (value: string | undefined) => value?.trim() || undefined;

/** Zones by name, city, country or alias ("kyiv", "india", "new york"); the label names the country. */
function completeTimezone(typed: string) {
  return searchTimezones(typed, 25).map((match) => ({ name: match.label, value: match.zone }));
}

/** The party a filter names, by its registry name; one the registry does not know gets the closest. */
function partyFilter(typed: string | undefined, services: Services): string | null {
  if (!typed) return null;
  const { registry } = services.library();
  const party = registry.resolve(typed);
  if (party) return party.name;
  const close = registry.suggest(typed, 3).map((p) => p.name);
  throw new UsageError(
    `"${typed}" is not a party I know.${close.length ? ` Did you mean: ${close.join(', ')}?` : ''} Pick one from the list as you type.`,
  );
}

/** A role alert names a party (it is about that party's briefings) and a real role, not @everyone. */
function assertRoleAlert(
  role: RoleOption,
  party: string | null,
  guildId: string | null,
  usage: string,
): void {
  if (role.id === guildId)
    throw new UsageError(
      `Pick a role to mention rather than @everyone, e.g. ${usage} party:Ukraine mention_role:@Ukraine.`,
    );
  if (!party)
    throw new UsageError(
      `mention_role needs party: @${role.name} is mentioned when a digest has briefings about that party. ` +
        `Add one, e.g. ${usage} party:Ukraine mention_role:@${role.name}`,
    );
}

export const subscribe = defineSubcommand({
  name: 'subscribe',
  description: 'Post a daily digest in a channel (again: change it)',
  options: {
    channel: channelNamed('Where to post the digest'),
    time: stringOption({
      description: 'Local time, 24-hour HH:MM (e.g. 08:00)',
      required: true,
      minLength: 4,
      maxLength: 5,
    }),
    timezone: stringOption({
      description: 'IANA time zone, e.g. Europe/Berlin (default: the bot’s)',
      autocomplete: completeTimezone,
      maxLength: 64,
    }),
    party: stringOption({
      description: 'Only briefings about this party (e.g. Ukraine)',
      autocomplete: (typed, services) => services.library().completeParties(typed),
      maxLength: 80,
    }),
    tag: stringOption({ description: 'Only briefings with this tag', maxLength: 50 }),
    post_when_empty: booleanOption({
      description: 'Post a short “no new briefings” line on quiet days (default: skip)',
    }),
    publish: booleanOption({
      description: 'In an announcement channel, publish each digest to following servers',
    }),
    mention_role: roleOption({
      description: 'Mention this role when a digest has briefings about the party (needs party)',
    }),
  },
  async run(input, services) {
    const { digests } = services;
    const { channel, publish = false } = input.options;
    assertPostable(channel);
    if (publish && channel.kind !== 'announcement') {
      throw new UsageError(
        `#${channel.name} is not an announcement channel, so there is nothing to publish to. Leave publish off.`,
      );
    }
    const party = partyFilter(text(input.options.party), services);
    const role = input.options.mention_role;
    if (role)
      assertRoleAlert(
        role,
        party,
        input.guildId,
        `/digest subscribe channel:#${channel.name} time:${input.options.time.trim()}`,
      );
    const existed = Boolean(await digests.subscriptions.get(channel.id));
    const sub = await digests.subscriptions.subscribe({
      guildId: input.guildId ?? '',
      channelId: channel.id,
      channelName: channel.name,
      time: input.options.time,
      timezone: text(input.options.timezone) ?? services.defaultTimezone,
      party,
      tag: text(input.options.tag) ?? null,
      postWhenEmpty: input.options.post_when_empty ?? false,
      publish,
      mentionRoleId: role?.id ?? null,
      // Known here, from the channel as resolved; delivery then need not ask Discord what the channel is.
      postsAsThreads: channel.kind === 'forum' || channel.kind === 'media',
      createdBy: input.user.id,
    });
    const lines = [
      `${existed ? 'Updated' : 'Subscribed'} ${channelLabel(sub)}.`,
      ...describeSubscription(sub, digests.nextFireAt(sub)),
      ...(role ? [`Mentions <@&${role.id}> when a digest has briefings about ${party}.`] : []),
      'See what it would post now with `/digest preview`.',
    ];
    if (role && !role.mentionable)
      lines.push(
        `@${role.name} is not mentionable: the bot can mention it only with **Mention Everyone** in #${channel.name}. ` +
          'Let anyone mention the role (Server Settings > Roles), or give the bot that permission.',
      );
    const recommended = channel.missingRecommended ?? [];
    if (recommended.length)
      lines.push(
        `Also give the bot **${recommended.join(', ')}** in #${channel.name}: without it, a digest cut off by a ` +
          'restart cannot be checked for in the channel, and is reported as not confirmed instead of being sent again.',
      );
    return { content: lines.join('\n'), ephemeral: true };
  },
});
