/**
 * Discord's documented message, component and autocomplete limits, checked on request bodies (snake_case JSON).
 * Lengths count Unicode code points, as JSON Schema's maxLength does.
 */

import { checkComponentsV2, checkNoComponentsV2, isComponentsV2Body } from './components-v2.js';

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

/**
 * Every limit a message body breaks, one line each; [] when it fits. A Components V2 body (flag 1 << 15) is held to
 * the V2 rules instead (components-v2.ts); a classic one may not hold V2 components.
 */
export function checkMessageLimits(body: unknown): string[] {
  if (!isObject(body)) return [];
  if (isComponentsV2Body(body)) return checkComponentsV2(body);
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
    ...checkNoComponentsV2(body),
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

/** A modal (interaction callback type 9) and its text inputs. */
export const MODAL_LIMITS = {
  customId: 100,
  title: 45,
  components: 5,
  label: 45,
  labelDescription: 100,
  textDisplay: 4000,
  textInputCustomId: 100,
  textInputLabel: 45,
  textInputLength: 4000,
  placeholder: 100,
} as const;

const TEXT_INPUT = 4;
const TEXT_INPUT_STYLES = [1, 2];

function lengthBetween(what: string, value: unknown, min: number, max: number): string[] {
  if (typeof value !== 'string') return [`${what} is missing`];
  const size = length(value);
  if (size < min) return [min === 1 ? `${what} is empty` : `${what} is ${size} characters (minimum ${min})`];
  return tooLong(what, value, max);
}

function integerBetween(what: string, value: unknown, min: number, max: number): string[] {
  if (value === undefined || value === null) return [];
  if (typeof value !== 'number' || !Number.isInteger(value)) return [`${what} is not an integer`];
  return value < min || value > max ? [`${what} is ${value} (allowed ${min}–${max})`] : [];
}

function checkTextInput(input: Json, at: string, insideLabel: boolean): string[] {
  const max = MODAL_LIMITS.textInputLength;
  const problems = [
    ...lengthBetween(`${at} custom_id`, input.custom_id, 1, MODAL_LIMITS.textInputCustomId),
    ...(TEXT_INPUT_STYLES.includes(input.style as number)
      ? []
      : [`${at} style is ${JSON.stringify(input.style)} (1 short or 2 paragraph)`]),
    ...integerBetween(`${at} min_length`, input.min_length, 0, max),
    ...integerBetween(`${at} max_length`, input.max_length, 1, max),
    ...tooLong(`${at} value`, input.value, max),
    ...tooLong(`${at} placeholder`, input.placeholder, MODAL_LIMITS.placeholder),
  ];
  const hasLabel = input.label !== undefined && input.label !== null;
  if (insideLabel && hasLabel) problems.push(`${at} has a label of its own inside a label component`);
  if (!insideLabel)
    problems.push(...lengthBetween(`${at} label`, input.label, 1, MODAL_LIMITS.textInputLabel));
  if (input.required !== undefined && input.required !== null && typeof input.required !== 'boolean') {
    problems.push(`${at} required is not a boolean`);
  }
  const minLength = typeof input.min_length === 'number' ? input.min_length : undefined;
  const maxLength = typeof input.max_length === 'number' ? input.max_length : undefined;
  if (minLength !== undefined && maxLength !== undefined && minLength > maxLength) {
    problems.push(`${at} min_length ${minLength} is above max_length ${maxLength}`);
  }
  if (maxLength !== undefined && length(input.value) > maxLength) {
    problems.push(`${at} value is ${length(input.value)} characters (its max_length is ${maxLength})`);
  }
  return problems;
}

/** The text input a top-level modal component holds, or a problem saying why it holds none. */
function modalTextInput(component: Json, at: string): { input?: Json; problems: string[] } {
  if (component.type === 1) {
    const children = asArray(component.components);
    const [child] = children;
    if (children.length !== 1) {
      return {
        problems: [
          `${at} is an action row holding ${children.length} components (a modal's holds one text input)`,
        ],
      };
    }
    if (!isObject(child) || child.type !== TEXT_INPUT) {
      return { problems: [`${at} is an action row holding something other than a text input`] };
    }
    return { input: child, problems: checkTextInput(child, `${at} text input`, false) };
  }
  const inner = component.component;
  const problems = [
    ...lengthBetween(`${at} label`, component.label, 1, MODAL_LIMITS.label),
    ...(component.description === undefined || component.description === null
      ? []
      : lengthBetween(`${at} description`, component.description, 1, MODAL_LIMITS.labelDescription)),
  ];
  if (!isObject(inner) || inner.type !== TEXT_INPUT) {
    const type = isObject(inner) ? inner.type : undefined;
    return {
      problems: [
        ...problems,
        `${at} is a label holding component type ${type} (the fake models text inputs only)`,
      ],
    };
  }
  return { input: inner, problems: [...problems, ...checkTextInput(inner, `${at} text input`, true)] };
}

/**
 * The data of a modal callback: custom_id, title, 1–5 components, each an action row holding one text input,
 * a label (type 18) holding a text input, or a text display (type 10).
 */
export function checkModalLimits(data: unknown): string[] {
  if (!isObject(data)) return ['modal data is not an object'];
  const components = asArray(data.components);
  const problems = [
    ...lengthBetween('modal custom_id', data.custom_id, 1, MODAL_LIMITS.customId),
    ...lengthBetween('modal title', data.title, 1, MODAL_LIMITS.title),
  ];
  if (components.length < 1 || components.length > MODAL_LIMITS.components) {
    problems.push(`modal has ${components.length} components (1–${MODAL_LIMITS.components})`);
  }
  const seen = new Set<string>();
  components.forEach((component, index) => {
    const at = `modal component ${index + 1}`;
    if (!isObject(component)) {
      problems.push(`${at} is not an object`);
      return;
    }
    if (component.type === 10) {
      problems.push(
        ...lengthBetween(`${at} text display content`, component.content, 1, MODAL_LIMITS.textDisplay),
      );
      return;
    }
    if (component.type !== 1 && component.type !== 18) {
      problems.push(`${at} has type ${component.type} (a modal holds action rows, labels and text displays)`);
      return;
    }
    const { input, problems: found } = modalTextInput(component, at);
    problems.push(...found);
    const id = text(input?.custom_id);
    if (id && seen.has(id)) problems.push(`custom_id "${id}" is used twice in one modal`);
    if (id) seen.add(id);
  });
  return problems;
}

/** A post in a forum or media channel: its name and tags (the starter message is held to the message limits). */
export const FORUM_POST_LIMITS = {
  name: 100,
  appliedTags: 5,
} as const;

/**
 * The thread-level fields of a forum post (POST /channels/{id}/threads with a message): a name of 1 to 100
 * characters, and at most five tags, each one the channel offers.
 */
export function checkForumPostLimits(body: unknown, availableTagIds: readonly string[]): string[] {
  const post = isObject(body) ? body : {};
  const name = length(post.name);
  const tags = asArray(post.applied_tags);
  return [
    ...(name === 0 ? ['post name is empty'] : []),
    ...tooLong('post name', post.name, FORUM_POST_LIMITS.name),
    ...(tags.length > FORUM_POST_LIMITS.appliedTags
      ? [`post has ${tags.length} tags (limit ${FORUM_POST_LIMITS.appliedTags})`]
      : []),
    ...tags
      .filter((tag) => !availableTagIds.includes(String(tag)))
      .map((tag) => `applied tag ${JSON.stringify(tag)} is not one of the channel's available_tags`),
  ];
}
