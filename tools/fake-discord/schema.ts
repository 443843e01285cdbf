/**
 * Request bodies held against Discord's official OpenAPI description. A copy of the spec (MIT, with its
 * licence) is checked in beside this file (discord-api-spec/openapi.json) and read with Ajv (OpenAPI 3.1 =
 * JSON Schema 2020-12); where that file is absent, the zod schemas generated from the same spec by the
 * discord-api-spec package are used.
 * The spec rarely forbids unknown fields, so neither does this check: wrong types, sizes and shapes are what it
 * catches.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

export type BodyKind =
  | 'interaction-callback'
  | 'webhook-execute'
  | 'webhook-edit'
  | 'message-create'
  | 'message-edit'
  | 'forum-thread-create'
  | 'commands-overwrite'
  | 'command-create';

export type SchemaSource = 'openapi.json' | 'discord-api-spec/zod';

export interface RequestValidator {
  readonly source: SchemaSource;
  /** One line per problem, `path: message`; [] when the body fits the spec. */
  validate(kind: BodyKind, body: unknown): string[];
}

export const OPENAPI_PATH = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  'discord-api-spec/openapi.json',
);

/** The callback body schema follows the callback type, so errors speak of the shape the bot meant to send. */
const CALLBACK_SCHEMAS: Record<number, string> = {
  1: 'PongInteractionCallbackRequest',
  4: 'CreateMessageInteractionCallbackRequest',
  5: 'CreateMessageInteractionCallbackRequest',
  6: 'UpdateMessageInteractionCallbackRequest',
  7: 'UpdateMessageInteractionCallbackRequest',
  8: 'ApplicationCommandAutocompleteCallbackRequest',
  9: 'ModalInteractionCallbackRequest',
  12: 'LaunchActivityInteractionCallbackRequest',
};

const PLAIN_SCHEMAS: Record<Exclude<BodyKind, 'interaction-callback' | 'commands-overwrite'>, string> = {
  'webhook-execute': 'IncomingWebhookRequestPartial',
  'webhook-edit': 'IncomingWebhookUpdateRequestPartial',
  'message-create': 'MessageCreateRequest',
  'message-edit': 'MessageEditRequestPartial',
  'forum-thread-create': 'CreateForumThreadRequest',
  'command-create': 'ApplicationCommandCreateRequest',
};

function schemaName(kind: BodyKind, body: unknown): string | undefined {
  if (kind === 'commands-overwrite') return undefined;
  if (kind !== 'interaction-callback') return PLAIN_SCHEMAS[kind];
  const type = (body as { type?: unknown } | null)?.type;
  return typeof type === 'number' ? CALLBACK_SCHEMAS[type] : undefined;
}

function unknownCallback(kind: BodyKind, body: unknown): string[] {
  const type = (body as { type?: unknown } | null)?.type;
  return [`(body) type ${JSON.stringify(type)} is not an interaction callback type the spec knows (${kind})`];
}

/** Ajv reports every branch of a oneOf; the branch summaries and "must be null" halves only add noise. */
function describeAjvErrors(errors: readonly ErrorObject[]): string[] {
  const specific = errors.filter(
    (e) =>
      !['oneOf', 'anyOf', 'if'].includes(e.keyword) && !(e.keyword === 'type' && e.params.type === 'null'),
  );
  const chosen = specific.length > 0 ? specific : errors;
  const lines = chosen.map((e) => {
    const extra = e.keyword === 'enum' ? ` ${JSON.stringify(e.params.allowedValues)}` : '';
    return `${e.instancePath || '(body)'}: ${e.message ?? e.keyword}${extra}`;
  });
  return [...new Set(lines)];
}

function openApiValidator(): RequestValidator {
  const spec = JSON.parse(readFileSync(OPENAPI_PATH, 'utf8')) as {
    components: unknown;
    paths: Record<string, Record<string, { requestBody: { content: Record<string, { schema: object }> } }>>;
  };
  const ajv = new Ajv2020.default({ strict: false, allErrors: true, logger: false });
  addFormats.default(ajv);
  ajv.addFormat('snowflake', /^(0|[1-9][0-9]*)$/);
  ajv.addFormat('nonce', true);
  ajv.addSchema({ $id: 'discord', components: spec.components });
  const overwrite =
    spec.paths['/applications/{application_id}/commands']?.put?.requestBody.content['application/json'];
  const overwriteSchema = JSON.parse(
    JSON.stringify(overwrite?.schema ?? { type: 'array' }).replaceAll(
      '"#/components/',
      '"discord#/components/',
    ),
  ) as object;
  const compiled = new Map<string, ValidateFunction>();
  const compile = (name: string): ValidateFunction => {
    let validate = compiled.get(name);
    if (!validate) {
      validate =
        name === 'commands-overwrite'
          ? ajv.compile(overwriteSchema)
          : ajv.compile({ $ref: `discord#/components/schemas/${name}` });
      compiled.set(name, validate);
    }
    return validate;
  };
  // Compiling takes about a second; do it once up front so no request pays for it.
  for (const name of [
    ...Object.values(CALLBACK_SCHEMAS),
    ...Object.values(PLAIN_SCHEMAS),
    'commands-overwrite',
  ]) {
    compile(name);
  }
  return {
    source: 'openapi.json',
    validate(kind, body) {
      const name = kind === 'commands-overwrite' ? kind : schemaName(kind, body);
      if (!name) return unknownCallback(kind, body);
      const validate = compile(name);
      return validate(body) ? [] : describeAjvErrors(validate.errors ?? []);
    },
  };
}

interface ZodIssue {
  code: string;
  path: PropertyKey[];
  expected?: string;
  maximum?: number | bigint;
  minimum?: number | bigint;
  origin?: string;
  values?: unknown[];
}
interface ZodLike {
  safeParse(value: unknown): { success: boolean; error?: { issues: ZodIssue[] } };
}

function describeZodIssue(issue: ZodIssue): string {
  const at = issue.path.length > 0 ? `/${issue.path.map(String).join('/')}` : '(body)';
  const unit = issue.origin === 'string' ? ' characters' : issue.origin === 'array' ? ' items' : '';
  switch (issue.code) {
    case 'invalid_type':
      return `${at}: must be ${issue.expected}`;
    case 'too_big':
      return `${at}: must be at most ${issue.maximum}${unit}`;
    case 'too_small':
      return `${at}: must be at least ${issue.minimum}${unit}`;
    case 'invalid_value':
      return `${at}: must be one of ${JSON.stringify(issue.values)}`;
    case 'invalid_union':
      return `${at}: matches none of the allowed shapes`;
    default:
      return `${at}: ${issue.code}`;
  }
}

async function zodValidator(): Promise<RequestValidator> {
  // A computed specifier: the package ships plain JavaScript, typed here by the ZodLike interface.
  const specifier = 'discord-api-spec/zod';
  const schemas = (await import(specifier)) as Record<string, ZodLike>;
  const z = (await import('zod/mini')) as unknown as { array(item: ZodLike): ZodLike };
  const overwrite = z.array(schemas.ApplicationCommandUpdateRequestSchema as ZodLike);
  return {
    source: 'discord-api-spec/zod',
    validate(kind, body) {
      const name = schemaName(kind, body);
      const schema = kind === 'commands-overwrite' ? overwrite : name ? schemas[`${name}Schema`] : undefined;
      if (!schema) return unknownCallback(kind, body);
      const result = schema.safeParse(body);
      return result.success ? [] : [...new Set((result.error?.issues ?? []).map(describeZodIssue))];
    },
  };
}

/**
 * Where Discord's documentation and the spec disagree, the documentation wins (the spec's README says so).
 * Commands document default_member_permissions as a string bitfield, which discord.js sends; the spec says integer.
 */
const ERRATA: readonly { field: string; accepts: (value: unknown) => boolean }[] = [
  {
    field: 'default_member_permissions',
    accepts: (value) => typeof value === 'string' && /^\d+$/.test(value),
  },
];

function valueAt(body: unknown, pointer: string): unknown {
  let value = body;
  for (const key of pointer.split('/').slice(1)) {
    value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  }
  return value;
}

/**
 * Discord documents GUILD_MEDIA (16) as a channel type a command's channel option may offer; the spec's
 * ChannelTypes stops at GUILD_FORUM (15). A body is checked without it, so it is held to everything else the spec
 * says (another type that does not exist, the same type twice).
 */
const GUILD_MEDIA = 16;

function withoutMedia(body: unknown): unknown {
  if (Array.isArray(body)) return body.map(withoutMedia);
  if (body === null || typeof body !== 'object') return body;
  return Object.fromEntries(
    Object.entries(body).map(([key, value]) => [
      key,
      key === 'channel_types' && Array.isArray(value)
        ? value.filter((type) => type !== GUILD_MEDIA)
        : withoutMedia(value),
    ]),
  );
}

function withErrata(validator: RequestValidator): RequestValidator {
  return {
    source: validator.source,
    validate(kind, raw) {
      const body = withoutMedia(raw);
      return validator.validate(kind, body).filter((line) => {
        const pointer = line.slice(0, line.indexOf(':'));
        const field = pointer.split('/').at(-1);
        const erratum = ERRATA.find((candidate) => candidate.field === field);
        return !erratum?.accepts(valueAt(body, pointer));
      });
    },
  };
}

const cache = new Map<string, Promise<RequestValidator>>();

/** The validator for this process, built once: openapi.json when present, else the package's zod schemas. */
export function requestValidator(prefer: 'auto' | 'openapi' | 'zod' = 'auto'): Promise<RequestValidator> {
  const useOpenApi = prefer === 'openapi' || (prefer === 'auto' && existsSync(OPENAPI_PATH));
  const key = useOpenApi ? 'openapi' : 'zod';
  let validator = cache.get(key);
  if (!validator) {
    validator = (useOpenApi ? Promise.resolve().then(openApiValidator) : zodValidator()).then(withErrata);
    cache.set(key, validator);
  }
  return validator;
}
