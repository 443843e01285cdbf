/** The pixel size of a PNG, read from its IHDR chunk as Discord reads it to fill an attachment's width and height. */

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function isPng(bytes: Buffer): boolean {
  return bytes.length >= SIGNATURE.length && bytes.subarray(0, SIGNATURE.length).equals(SIGNATURE);
}

/** Width and height, or undefined when the bytes are not a PNG with an IHDR chunk first. */
export function pngSize(bytes: Buffer): { width: number; height: number } | undefined {
  // Signature (8), then the first chunk: length (4), type (4) "IHDR", width (4), height (4).
  if (!isPng(bytes) || bytes.length < 24) return undefined;
  if (bytes.toString('ascii', 12, 16) !== 'IHDR') return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
