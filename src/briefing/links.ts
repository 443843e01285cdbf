/** Web links as Discord takes them: one rule for the briefing checks and the renderers. */

/** Discord's limit for an embed url. */
export const MAX_LINK_LENGTH = 2048;

/**
 * The link in the form Discord accepts, or undefined when there is none: an absolute http(s) URL with a host,
 * normalised as browsers do (WHATWG URL: spaces and quotes percent-encoded, the host lower-cased and in
 * punycode, surrounding blanks trimmed), at most 2,048 characters. What is sent is never the text as written.
 */
export function webLink(url: string | undefined): string | undefined {
  // Encoding only lengthens a link, apart from blanks and dot segments it drops: far longer text cannot fit.
  if (!url || url.length > 4 * MAX_LINK_LENGTH) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  if ((parsed.protocol !== 'https:' && parsed.protocol !== 'http:') || !parsed.hostname) return undefined;
  return parsed.href.length <= MAX_LINK_LENGTH ? parsed.href : undefined;
}
