/**
 * Discord's documented message, component and autocomplete limits, checked on request bodies (snake_case JSON).
 * Lengths count Unicode code points, as JSON Schema's maxLength does.
 */

export const MESSAGE_LIMITS = {
  content: 2000,
  embeds: 10,
  embedTotal: 6000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  actionRows: 5,
  buttonsPerRow: 5,
  customId: 100,
  buttonLabel: 80,
  selectOptions: 25,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const length = (value: unknown): number => [...text(value)].length;

function tooLong(what: string, value: unknown, limit: number): string[] {
  const size = length(value);
  return size > limit ? [`${what} is ${size} characters (limit ${limit})`] : [];
}

function checkEmbed(embed: unknown, index: number): { problems: string[]; size: number } {
  if (!isObject(embed)) return { problems: [], size: 0 };
  const at = `embed ${index + 1}`;
  const fields = asArray(embed.fields).filter(isObject);
  const footer = isObject(embed.footer) ? embed.footer : {};
  const author = isObject(embed.author) ? embed.author : {};
  const problems = [
    ...tooLong(`${at} title`, embed.title, MESSAGE_LIMITS.title),
    ...tooLong(`${at} description`, embed.description, MESSAGE_LIMITS.description),
    ...(fields.length > MESSAGE_LIMITS.fields
      ? [`${at} has ${fields.length} fields (limit ${MESSAGE_LIMITS.fields})`]
      : []),
    ...fields.flatMap((field, f) => [
      ...(length(field.name) === 0 ? [`${at} field ${f + 1} name is empty`] : []),
      ...(length(field.value) === 0 ? [`${at} field ${f + 1} value is empty`] : []),
      ...tooLong(`${at} field ${f + 1} name`, field.name, MESSAGE_LIMITS.fieldName),
      ...tooLong(`${at} field ${f + 1} value`, field.value, MESSAGE_LIMITS.fieldValue),
    ]),
    ...tooLong(`${at} footer text`, footer.text, MESSAGE_LIMITS.footerText),
    ...tooLong(`${at} author name`, author.name, MESSAGE_LIMITS.authorName),
  ];
  const size =
    length(embed.title) +
    length(embed.description) +
    fields.reduce((sum, field) => sum + length(field.name) + length(field.value), 0) +
    length(footer.text) +
    length(author.name);
  return { problems, size };
}

function checkComponents(components: unknown): string[] {
  const rows = asArray(components).filter(isObject);
  const actionRows = rows.filter((row) => row.type === 1);
  const problems: string[] = [];
  if (actionRows.length > MESSAGE_LIMITS.actionRows) {
    problems.push(`${actionRows.length} action rows (limit ${MESSAGE_LIMITS.actionRows})`);
  }
  const seen = new Set<string>();
  actionRows.forEach((row, r) => {
    const children = asArray(row.components).filter(isObject);
    const buttons = children.filter((child) => child.type === 2);
    if (buttons.length > MESSAGE_LIMITS.buttonsPerRow) {
      problems.push(`row ${r + 1} has ${buttons.length} buttons (limit ${MESSAGE_LIMITS.buttonsPerRow})`);
    }
    if (buttons.length > 0 && buttons.length < children.length) {
      problems.push(`row ${r + 1} mixes buttons with a select menu`);
    }
    for (const child of children) {
      const id = text(child.custom_id);
      problems.push(...tooLong(`row ${r + 1} custom_id "${id.slice(0, 20)}"`, id, MESSAGE_LIMITS.customId));
      if (child.type === 2)
        problems.push(...tooLong(`row ${r + 1} button label`, child.label, MESSAGE_LIMITS.buttonLabel));
      const options = asArray(child.options);
      if (options.length > MESSAGE_LIMITS.selectOptions) {
        problems.push(
          `row ${r + 1} select has ${options.length} options (limit ${MESSAGE_LIMITS.selectOptions})`,
        );
      }
      if (id && seen.has(id)) problems.push(`custom_id "${id}" is used twice in one message`);
      if (id) seen.add(id);
    }
  });
  return problems;
}

/** Every limit a message body breaks, one line each; [] when it fits. */
export function checkMessageLimits(body: unknown): string[] {
  if (!isObject(body)) return [];
  const embeds = asArray(body.embeds);
  const checked = embeds.map(checkEmbed);
  const total = checked.reduce((sum, embed) => sum + embed.size, 0);
  return [
    ...tooLong('content', body.content, MESSAGE_LIMITS.content),
    ...(embeds.length > MESSAGE_LIMITS.embeds
      ? [`${embeds.length} embeds (limit ${MESSAGE_LIMITS.embeds})`]
      : []),
    ...checked.flatMap((embed) => embed.problems),
    ...(total > MESSAGE_LIMITS.embedTotal
      ? [`embeds hold ${total} characters together (limit ${MESSAGE_LIMITS.embedTotal})`]
      : []),
    ...checkComponents(body.components),
  ];
}

/** A new message needs something to show: content, an embed, a component, a poll or a sticker. */
export function checkNotEmpty(body: unknown): string[] {
  if (!isObject(body)) return ['message body is not an object'];
  const filled =
    length(body.content) > 0 ||
    asArray(body.embeds).length > 0 ||
    asArray(body.components).length > 0 ||
    asArray(body.sticker_ids).length > 0 ||
    asArray(body.attachments).length > 0 ||
    isObject(body.poll);
  return filled ? [] : ['message is empty (no content, embeds, components, attachments, stickers or poll)'];
}

/** A briefing must never ping anyone: every message-creating body carries `allowed_mentions: {parse: []}`. */
export function checkAllowedMentions(body: unknown): string[] {
  if (!isObject(body)) return [];
  const mentions = body.allowed_mentions;
  if (!isObject(mentions)) return ['allowed_mentions is missing (expected {"parse": []})'];
  const problems: string[] = [];
  if (!Array.isArray(mentions.parse) || mentions.parse.length > 0) {
    problems.push(`allowed_mentions.parse is ${JSON.stringify(mentions.parse)} (expected [])`);
  }
  for (const key of ['users', 'roles'] as const) {
    if (asArray(mentions[key]).length > 0)
      problems.push(`allowed_mentions.${key} lets the message ping someone`);
  }
  if (mentions.replied_user === true)
    problems.push('allowed_mentions.replied_user pings the replied-to user');
  return problems;
}

/** The data of an autocomplete callback (type 8). */
export function checkAutocompleteLimits(data: unknown): string[] {
  if (!isObject(data)) return [];
  const choices = asArray(data.choices).filter(isObject);
  return [
    ...(choices.length > MESSAGE_LIMITS.choices
      ? [`${choices.length} choices (limit ${MESSAGE_LIMITS.choices})`]
      : []),
    ...choices.flatMap((choice, c) => [
      ...(length(choice.name) === 0 ? [`choice ${c + 1} name is empty`] : []),
      ...tooLong(`choice ${c + 1} name`, choice.name, MESSAGE_LIMITS.choiceName),
      ...(typeof choice.value === 'string'
        ? tooLong(`choice ${c + 1} value`, choice.value, MESSAGE_LIMITS.choiceValue)
        : []),
    ]),
  ];
}
