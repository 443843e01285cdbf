/**
 * Text downloaded from a URL Discord gave (an attachment on its CDN), held to the same rules as a file read
 * from disk: at most the size limit (the download stops past it), UTF-8, no binary; and within a time limit,
 * so a stalled download costs one refusal, never a stuck command.
 */
import { MAX_TEXT_FILE_BYTES, readTextStream, type TextFileRead } from './read-text-file.js';

export interface ReadUrlOptions {
  timeoutMs: number;
  maxBytes?: number;
  /** What the text should be, for the size message: "a brief". */
  what?: string;
}

const refused = (message: string): TextFileRead => ({ ok: false, failure: 'unreadable', message });

export async function readTextUrl(url: string, options: ReadUrlOptions): Promise<TextFileRead> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  const seconds = `${Math.round(options.timeoutMs / 100) / 10} s`;
  try {
    const response = await fetch(url, { signal, redirect: 'error' });
    if (!response.ok || !response.body) {
      await response.body?.cancel();
      return refused(`could not download the file (HTTP ${response.status}): attach it again`);
    }
    const read = await readTextStream(response.body, {
      what: options.what ?? 'a text file',
      maxBytes: options.maxBytes ?? MAX_TEXT_FILE_BYTES,
    });
    if (!read.ok && signal.aborted) return refused(`the download took longer than ${seconds}: try again`);
    return read;
  } catch {
    if (signal.aborted) return refused(`the download took longer than ${seconds}: try again`);
    return refused('could not download the file: try again');
  }
}
