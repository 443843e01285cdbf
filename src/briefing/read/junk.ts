/**
 * Page furniture a copy from a news site brings along: captions and credits, ads, share buttons,
 * newsletter prompts, and the trailers after which a page lists other stories. Each test looks at one
 * line on its own and only at short lines, so a sentence of the brief is never taken for junk.
 */
import type { DroppedKind } from '../model.js';

const AGENCIES =
  /\b(?:reuters|afp|ap|getty|epa|efe|ansa|dpa|xinhua|tass|sputnik|anadolu|bloomberg|shutterstock|alamy|pool|images?|photo|photos|photograph|pa wire|via)\b/i;

/** `Photo: ...`, `Image credit: ...`, `Pictured: ...`. */
const CAPTION_LABEL =
  /^(?:photo|photograph|image|picture|pictured|illustration|video|caption|file photo)(?:\s+(?:credit|caption))?\s*[:|]/i;
/** `Credit: ...`, `(Photo by Jane Roe/Getty Images)`. */
const CREDIT_LABEL = /^\(?(?:credit|photo credit|image credit|photo by|photos by|image by)\b/i;
/** `REUTERS/Jane Roe`, `AFP via Getty Images`, `Marco Bianchi/AFP`. */
const SLASH_CREDIT = /^\(?[\p{L}.'’ -]{2,40}\/[\p{L}.'’ -]{2,40}\)?$/u;

const ADVERTISEMENT =
  /^(?:advertisement|advertising|ad|sponsored|sponsored content|paid content|promoted|story continues below(?: advertisement)?|article continues below(?: advertisement)?|continue reading(?: below)?|scroll to continue(?: with content)?)$/i;

const SHARE_WORDS =
  /^(?:share|share this|share this article|share this story|share this page|share article|share story|copy|copy link|copy the link|link copied|save|save article|saved|print|email|e-mail|listen|listen to this article|gift this article|facebook|twitter|x|linkedin|whatsapp|telegram|reddit|tweet|pinterest|flipboard|messenger|comments?|\d+ comments?|bookmark|follow)$/i;
const SHARE_ON = /^(?:share|post|tweet) (?:on|to|via) \S+$/i;

/** A prompt speaks to the reader (`Sign up for ...`, `Get the Morning Brief in your inbox`). */
const NEWSLETTER_PROMPT =
  /^(?:sign up|signup|subscribe|get|join|enter|don'?t miss|never miss|want|like this|receive|stay (?:informed|up to date|ahead)|be the first|free)\b/i;
const NEWSLETTER_WORDS = /\b(?:newsletters?|inbox|sign up|subscribe|your email|email address)\b/i;

const TRAILER =
  /^(?:go deeper|dig deeper|read more|read next|read also|also read|related|related articles|related stories|related coverage|related content|related reading|related topics|more for you|more from [\p{L} .'’-]{1,30}|more on this(?: story| topic)?|more stories|more news|latest articles|latest stories|latest news|latest videos|you may also like|you might also like|recommended|recommended for you|recommended stories|most read|most popular|most viewed|trending|trending now|top stories|further reading|see also|what to read next|keep reading|explore more|more coverage)\b/iu;

/** Whole words only: `Share` and `Facebook Twitter Email` rows, not a sentence about sharing. */
function isShareRow(text: string): boolean {
  if (SHARE_WORDS.test(text) || SHARE_ON.test(text)) return true;
  const words = text.split(/\s*[\s|·•/]\s*/).filter(Boolean);
  return words.length >= 2 && words.length <= 8 && words.every((word) => SHARE_WORDS.test(word));
}

/** The junk kind of a line, from the line alone; undefined for text that may belong to the brief. */
export function junkKind(text: string): DroppedKind | undefined {
  if (text.length > 160) return undefined;
  const plain = text.replace(/^[*_[(]+|[*_\])]+$/g, '').trim();
  const caption = CAPTION_LABEL.exec(plain);
  if (caption) {
    // `Image: Reuters`, `Photo: Marco Bianchi/AFP` credit the picture; a sentence after the label captions it.
    const rest = plain.slice(caption[0].length).trim();
    return rest.split(' ').length <= 5 && !/[.!?]$/.test(rest) ? 'photo credit' : 'caption';
  }
  if (CREDIT_LABEL.test(plain)) return 'photo credit';
  if (plain.length <= 80 && SLASH_CREDIT.test(plain) && AGENCIES.test(plain)) return 'photo credit';
  if (plain.length <= 40 && /^(?:getty images|ap photo|afp|reuters|epa)$/i.test(plain)) return 'photo credit';
  if (plain.length <= 60 && ADVERTISEMENT.test(plain)) return 'advertisement';
  if (plain.length <= 80 && isShareRow(plain)) return 'share buttons';
  if (plain.length <= 120 && NEWSLETTER_PROMPT.test(plain) && NEWSLETTER_WORDS.test(plain))
    return 'newsletter prompt';
  return undefined;
}

/**
 * A line after which the page lists other stories: `Go deeper`, `Read more`, `Related`, `Latest Articles`.
 * Short on its own line, or `Go deeper: <headline>`.
 */
export function isTrailer(text: string): boolean {
  const plain = text.replace(/^[*_#\s]+|[*_\s]+$/g, '');
  if (plain.length > 160) return false;
  const match = TRAILER.exec(plain);
  if (!match) return false;
  const rest = plain.slice(match[0].length).trim();
  return rest === '' || /^[:.»›→>|–—-]/.test(rest) || (plain.length <= 40 && !/[.!?]$/.test(plain));
}

/** A credit line directly under a caption: the line before it is the caption. */
export function isCredit(kind: DroppedKind | undefined): boolean {
  return kind === 'photo credit';
}
