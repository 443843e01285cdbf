// The package ships its zod schemas as plain JavaScript; this is the one schema the render tests use.
declare module 'discord-api-spec/zod' {
  import type { ZodType } from 'zod';
  export const MessageCreateRequestSchema: ZodType;
}
