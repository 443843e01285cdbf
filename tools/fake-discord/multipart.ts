/**
 * Reads a request body as Discord does: JSON, or multipart/form-data whose `payload_json` part is the JSON and whose
 * file parts (`files[n]`) are the uploads. Parsing is left to the web platform's own FormData reader.
 */

/** One file part of a multipart request, as it arrived. */
export interface UploadedPart {
  /** The form field, `files[0]` when discord.js sends it. */
  field: string;
  /** The filename of the part's Content-Disposition. */
  filename: string;
  /** The part's Content-Type; undefined when it had none. */
  contentType: string | undefined;
  bytes: Buffer;
}

export interface ParsedBody {
  /** Parsed JSON (or the multipart payload_json); a string when it is neither; undefined when empty. */
  body: unknown;
  /** The file parts of a multipart body, in order; [] otherwise. */
  uploads: UploadedPart[];
}

/** Throws when the body cannot be read (bad JSON, a broken multipart body). */
export async function parseBody(raw: Buffer, contentType: string | undefined): Promise<ParsedBody> {
  if (raw.length === 0) return { body: undefined, uploads: [] };
  if (contentType?.startsWith('multipart/form-data')) return parseMultipart(raw, contentType);
  const text = raw.toString('utf8');
  return {
    body: contentType?.startsWith('application/json') ? JSON.parse(text) : text,
    uploads: [],
  };
}

async function parseMultipart(raw: Buffer, contentType: string): Promise<ParsedBody> {
  const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
  let body: unknown;
  const uploads: UploadedPart[] = [];
  for (const [field, value] of form) {
    if (typeof value === 'string') {
      if (field === 'payload_json') body = JSON.parse(value);
      continue;
    }
    uploads.push({
      field,
      filename: value.name,
      // FormData reports a part without a type as ''.
      contentType: value.type || undefined,
      bytes: Buffer.from(await value.arrayBuffer()),
    });
  }
  return { body, uploads };
}

export const uploadedBytes = (uploads: readonly UploadedPart[]): number =>
  uploads.reduce((sum, upload) => sum + upload.bytes.length, 0);
