/**
 * The files a message carries: the uploads a request adds become attachment objects as Discord returns them (a new
 * snowflake, size, CDN links, content type, a PNG's width and height, alt text), their bytes kept by the CDN; and
 * the other way, a stored message's attachments as files a test can read.
 */
import type { APIAttachment } from 'discord-api-types/v10';
import type { Cdn } from './cdn.js';
import type { UploadedPart } from './multipart.js';
import { isPng, pngSize } from './png.js';
import { type KnownAttachment, planUploads, storedFilename } from './upload-rules.js';

/** A file of a stored message, for tests. */
export interface MessageFile {
  id: string;
  filename: string;
  contentType: string | undefined;
  size: number;
  bytes: Buffer;
  description: string | undefined;
  width?: number;
  height?: number;
}

export interface AttachInput {
  channelId: string;
  /** The JSON that names the uploads (a callback's `data`, else the body). */
  body: unknown;
  uploads: readonly UploadedPart[];
  /** The message's attachments before an edit; [] for a new message. */
  existing?: readonly APIAttachment[];
  ephemeral?: boolean;
}

/** The message's attachments after the request: kept ones first, then each upload stored on the CDN. */
export function attachUploads(cdn: Cdn, input: AttachInput): APIAttachment[] {
  const existing = input.existing ?? [];
  const known: KnownAttachment[] = existing.map(({ id, filename }) => ({ id, filename }));
  const plan = planUploads(input.body, input.uploads, known);
  const kept = existing.filter((attachment) => plan.kept.some((k) => k.id === attachment.id));
  const added = plan.added.map(({ part, filename, description }): APIAttachment => {
    const name = storedFilename(filename);
    // Discord sniffs the type itself; the part's type, else a PNG signature, stands in for that here.
    const contentType = part.contentType ?? (isPng(part.bytes) ? 'image/png' : undefined);
    const links = cdn.addMessageFile(input.channelId, {
      filename: name,
      bytes: part.bytes,
      contentType,
      ephemeral: input.ephemeral === true,
    });
    return {
      ...links,
      filename: name,
      size: part.bytes.length,
      ...(contentType ? { content_type: contentType } : {}),
      ...pngSize(part.bytes),
      ...(description !== undefined ? { description } : {}),
      ...(input.ephemeral ? { ephemeral: true } : {}),
    };
  });
  return [...kept, ...added];
}

/** A message's attachments with the bytes the CDN keeps for them. */
export function filesOf(cdn: Cdn, attachments: readonly APIAttachment[]): MessageFile[] {
  return attachments.map((attachment) => ({
    id: attachment.id,
    filename: attachment.filename,
    contentType: attachment.content_type,
    size: attachment.size,
    bytes: cdn.bytes(attachment.id) ?? Buffer.alloc(0),
    description: attachment.description,
    ...(attachment.width != null ? { width: attachment.width } : {}),
    ...(attachment.height != null ? { height: attachment.height } : {}),
  }));
}
