/**
 * Discord's rules for Components V2 messages (flag IS_COMPONENTS_V2, 1 << 15), checked on request bodies: the
 * OpenAPI schema describes each component's shape; these are the limits it cannot say. With the flag a message has
 * no content, embeds, stickers or poll (not even empty ones); it holds at most 40 components counted at every depth
 * and 4,000 characters across its text displays; custom_ids are unique in the whole message; a link button has a
 * url and no custom_id, any other button a custom_id and no url. Without the flag, no V2 component may appear.
 * Lengths count Unicode code points, as JSON Schema's maxLength does.
 */

export const COMPONENTS_V2_FLAG = 1 << 15;

export const V2_LIMITS = {
  components: 40,
  text: 4000,
  textDisplay: 4000,
  textsPerSection: 3,
  buttonsPerRow: 5,
  customId: 100,
  buttonLabel: 80,
  linkUrl: 512,
} as const;

const TYPE = {
  actionRow: 1,
  button: 2,
  section: 9,
  textDisplay: 10,
  thumbnail: 11,
  mediaGallery: 12,
  file: 13,
  separator: 14,
  container: 17,
} as const;
const SELECTS = [3, 5, 6, 7, 8];
const LINK_STYLE = 5;
const PREMIUM_STYLE = 6;

/** The types only a V2 message may hold. */
const V2_ONLY: readonly number[] = [
  TYPE.section,
  TYPE.textDisplay,
  TYPE.thumbnail,
  TYPE.mediaGallery,
  TYPE.file,
  TYPE.separator,
  TYPE.container,
];

/** What each component may hold directly; the top level of a V2 message is `top`. */
const CHILDREN: Record<string, readonly number[]> = {
  top: [
    TYPE.actionRow,
    TYPE.section,
    TYPE.textDisplay,
    TYPE.mediaGallery,
    TYPE.file,
    TYPE.separator,
    TYPE.container,
  ],
  [TYPE.container]: [
    TYPE.actionRow,
    TYPE.section,
    TYPE.textDisplay,
    TYPE.mediaGallery,
    TYPE.file,
    TYPE.separator,
  ],
  [TYPE.section]: [TYPE.textDisplay],
  [TYPE.actionRow]: [TYPE.button, ...SELECTS],
};

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const length = (value: unknown): number => (typeof value === 'string' ? [...value].length : 0);

export function isComponentsV2Body(body: unknown): boolean {
  return isObject(body) && typeof body.flags === 'number' && (body.flags & COMPONENTS_V2_FLAG) !== 0;
}

/** Calls `visit` for every component at any depth (children, then a section's accessory), with its parent. */
function walk(
  components: unknown,
  visit: (component: Json, parent: string, depth: number) => void,
  parent = 'top',
  depth = 1,
): void {
  for (const component of asArray(components)) {
    if (!isObject(component)) continue;
    visit(component, parent, depth);
    walk(component.components, visit, String(component.type), depth + 1);
    if (isObject(component.accessory)) walk([component.accessory], visit, 'accessory', depth + 1);
  }
}

function checkButton(button: Json, at: string, seen: Set<string>, problems: string[]): void {
  const label = length(button.label);
  if (label > V2_LIMITS.buttonLabel)
    problems.push(`${at} label is ${label} characters (limit ${V2_LIMITS.buttonLabel})`);
  const hasId = typeof button.custom_id === 'string';
  const hasUrl = typeof button.url === 'string';
  if (button.style === LINK_STYLE) {
    if (!hasUrl) problems.push(`${at} is a link button without a url`);
    if (hasId) problems.push(`${at} is a link button with a custom_id`);
    if (length(button.url) > V2_LIMITS.linkUrl)
      problems.push(`${at} url is ${length(button.url)} characters (limit ${V2_LIMITS.linkUrl})`);
  } else if (button.style !== PREMIUM_STYLE) {
    if (!hasId) problems.push(`${at} has no custom_id`);
    if (hasUrl) problems.push(`${at} has a url but is not a link button`);
  }
  if (hasId) {
    const id = String(button.custom_id);
    if (length(id) > V2_LIMITS.customId)
      problems.push(`${at} custom_id is ${length(id)} characters (limit ${V2_LIMITS.customId})`);
    if (seen.has(id)) problems.push(`custom_id "${id}" is used twice in one message`);
    seen.add(id);
  }
}

/** Every V2 rule a message body with the flag breaks, one line each; [] when it fits. */
export function checkComponentsV2(body: Json): string[] {
  const problems: string[] = [];
  for (const field of ['content', 'embeds', 'sticker_ids', 'poll'] as const) {
    if (field in body && body[field] !== undefined)
      problems.push(`${field} is not allowed with IS_COMPONENTS_V2 (sent ${JSON.stringify(body[field])})`);
  }
  let count = 0;
  let text = 0;
  const seen = new Set<string>();
  walk(body.components, (component, parent, depth) => {
    count++;
    const type = Number(component.type);
    const at = `component ${count} (type ${type})`;
    if (parent === 'accessory') {
      if (type !== TYPE.button && type !== TYPE.thumbnail)
        problems.push(`${at} cannot be a section's accessory`);
    } else if (!CHILDREN[parent]?.includes(type)) {
      problems.push(`${at} cannot be ${parent === 'top' ? 'at the top level' : `inside type ${parent}`}`);
    }
    if (depth > 3) problems.push(`${at} is nested ${depth} deep (at most container > section > button)`);
    const children = asArray(component.components);
    switch (type) {
      case TYPE.textDisplay: {
        const size = length(component.content);
        text += size;
        if (size === 0) problems.push(`${at} text display is empty`);
        if (size > V2_LIMITS.textDisplay)
          problems.push(`${at} text display is ${size} characters (limit ${V2_LIMITS.textDisplay})`);
        break;
      }
      case TYPE.section:
        if (children.length < 1 || children.length > V2_LIMITS.textsPerSection)
          problems.push(
            `${at} section holds ${children.length} text displays (1 to ${V2_LIMITS.textsPerSection})`,
          );
        if (!isObject(component.accessory)) problems.push(`${at} section has no accessory`);
        break;
      case TYPE.actionRow: {
        const buttons = children.filter((child) => isObject(child) && child.type === TYPE.button);
        if (buttons.length > V2_LIMITS.buttonsPerRow)
          problems.push(`${at} action row has ${buttons.length} buttons (limit ${V2_LIMITS.buttonsPerRow})`);
        if (buttons.length > 0 && buttons.length < children.length)
          problems.push(`${at} action row mixes buttons with a select menu`);
        break;
      }
      case TYPE.container:
        if (children.length === 0) problems.push(`${at} container is empty`);
        break;
      case TYPE.button:
        checkButton(component, at, seen, problems);
        break;
    }
  });
  if (count === 0) problems.push('a Components V2 message has no components');
  if (count > V2_LIMITS.components)
    problems.push(`${count} components counted with nested ones (limit ${V2_LIMITS.components})`);
  if (text > V2_LIMITS.text)
    problems.push(`text displays hold ${text} characters together (limit ${V2_LIMITS.text})`);
  return problems;
}

/**
 * Without the flag, V2 components are refused. On an edit Discord would keep the flag of a message that has it; the
 * fake, which checks bodies alone, asks every body with V2 components to carry it (the bot always does).
 */
export function checkNoComponentsV2(body: Json): string[] {
  const problems: string[] = [];
  walk(body.components, (component) => {
    const type = Number(component.type);
    if (V2_ONLY.includes(type))
      problems.push(`component type ${type} needs the IS_COMPONENTS_V2 flag (flags ${COMPONENTS_V2_FLAG})`);
  });
  return [...new Set(problems)];
}
