/**
 * Who a message would ping, read as Discord reads it: the mentions in its text (its content and, in a Components
 * V2 message, its text displays; never its embeds) that `allowed_mentions` lets through. And the one exception to
 * "a message pings no one" the product makes: a channel message may ping exactly one role, the one it names in
 * `allowed_mentions.roles` and mentions in its text (an opted-in role alert).
 *
 * Whether a role is mentionable (or the bot may mention every role) is left out: a ping allowed here is one the
 * bot asked for, which is what the checks judge.
 */

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const strings = (value: unknown): string[] =>
  asArray(value).filter((item): item is string => typeof item === 'string');

const IS_COMPONENTS_V2 = 1 << 15;
const TEXT_DISPLAY = 10;

export interface Mentions {
  users: string[];
  roles: string[];
  /** `@everyone` or `@here`. */
  everyone: boolean;
}

function textDisplays(components: unknown, into: string[]): void {
  for (const component of asArray(components)) {
    if (!isObject(component)) continue;
    if (component.type === TEXT_DISPLAY && typeof component.content === 'string')
      into.push(component.content);
    textDisplays(component.components, into);
    if (isObject(component.accessory)) textDisplays([component.accessory], into);
  }
}

/** The text of a message body that can mention someone. */
function mentioningText(body: Json): string {
  const texts = typeof body.content === 'string' ? [body.content] : [];
  const flags = typeof body.flags === 'number' ? body.flags : 0;
  if ((flags & IS_COMPONENTS_V2) !== 0) textDisplays(body.components, texts);
  return texts.join('\n');
}

const unique = (values: Iterable<string>) => [...new Set(values)];

/** Every user, role and everyone mention in the message's text, pinging or not. */
export function mentionsIn(body: unknown): Mentions {
  if (!isObject(body)) return { users: [], roles: [], everyone: false };
  const text = mentioningText(body);
  return {
    users: unique([...text.matchAll(/<@!?(\d+)>/g)].map((match) => match[1]!)),
    roles: unique([...text.matchAll(/<@&(\d+)>/g)].map((match) => match[1]!)),
    everyone: /@(everyone|here)\b/.test(text),
  };
}

/** Who the message pings: its mentions that `allowed_mentions` lets through (all of them when it is absent). */
export function pingsOf(body: unknown): Mentions {
  const mentioned = mentionsIn(body);
  const allowed = isObject(body) ? body.allowed_mentions : undefined;
  if (!isObject(allowed)) return mentioned;
  const parse = strings(allowed.parse);
  const users = new Set(strings(allowed.users));
  const roles = new Set(strings(allowed.roles));
  return {
    users: mentioned.users.filter((id) => parse.includes('users') || users.has(id)),
    roles: mentioned.roles.filter((id) => parse.includes('roles') || roles.has(id)),
    everyone: mentioned.everyone && parse.includes('everyone'),
  };
}

/**
 * The checks for a message that may carry a role alert: `allowed_mentions` present, parsing nothing, allowing no
 * user and no reply ping, and at most one role, which the message mentions. [] when it pings no one but that role.
 */
export function checkRoleAlertMentions(body: unknown): string[] {
  if (!isObject(body)) return [];
  const allowed = body.allowed_mentions;
  if (!isObject(allowed)) return ['allowed_mentions is missing (expected {"parse": []})'];
  const problems: string[] = [];
  if (!Array.isArray(allowed.parse) || allowed.parse.length > 0) {
    problems.push(`allowed_mentions.parse is ${JSON.stringify(allowed.parse)} (expected [])`);
  }
  if (asArray(allowed.users).length > 0)
    problems.push('allowed_mentions.users lets the message ping someone');
  if (allowed.replied_user === true) problems.push('allowed_mentions.replied_user pings the replied-to user');
  const roles = strings(allowed.roles);
  if (roles.length > 1)
    problems.push(
      `allowed_mentions.roles lets the message ping ${roles.length} roles (a role alert pings one)`,
    );
  const mentioned = mentionsIn(body).roles;
  for (const role of roles) {
    if (!mentioned.includes(role))
      problems.push(`allowed_mentions.roles allows role ${role}, which the message does not mention`);
  }
  return problems;
}
