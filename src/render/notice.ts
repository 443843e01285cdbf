/**
 * Short answers for errors and hints: plain content (a line of text reads the same as a Text Display, and needs no
 * V2 flag), only for the asker unless said otherwise.
 */
import type { Briefing } from '../briefing/model.js';
import { countComponents, isComponentsV2, textDisplay, textLength } from '../message/components.js';
import { LIMITS, V2_LIMITS } from '../message/limits.js';
import type { Reply } from '../message/payload.js';
import { code, formatDate, showHint, titleLine } from './format.js';
import { capMessages, toReply } from './pack.js';
import { splitText } from './split.js';

export function renderNotice(text: string, options: { ephemeral?: boolean } = {}): Reply {
  const chunks = splitText(text, LIMITS.content);
  return toReply(
    capMessages(
      chunks.map((content) => ({ content })),
      'The rest of this notice was too long to show.',
    ),
    { ephemeral: options.ephemeral ?? true },
  );
}

type BriefingRef = Pick<Briefing, 'id' | 'title' | 'date'>;

function latestHint(latest: BriefingRef | undefined): string {
  if (!latest) return 'There are no briefings yet.';
  return `The latest is **${titleLine(latest.title)}** (${formatDate(latest.date)}): ${showHint(latest.id)}`;
}

export function renderNoBriefingToday(latest?: BriefingRef): Reply {
  return renderNotice(`No briefing today. ${latestHint(latest)}`);
}

export function renderNoBriefingOn(date: string, latest?: BriefingRef): Reply {
  return renderNotice(`No briefing for ${formatDate(date)}. ${latestHint(latest)}`);
}

export function renderNoBriefings(): Reply {
  return renderNotice('There are no briefings yet.');
}

export function renderUnknownId(id: string, suggestions: readonly string[]): Reply {
  const hint = suggestions.length ? ` Did you mean: ${suggestions.map(code).join(', ')}?` : '';
  return renderNotice(`No briefing with id ${code(id)}.${hint}`);
}

/**
 * An answer given while the archive is first being indexed says so on its first line: what it found is right,
 * but briefings not yet indexed are missing from it.
 */
export function withIndexingNote(reply: Reply, progress: { done: number; total: number }): Reply {
  const note = `⏳ The archive is still being indexed (${progress.done.toLocaleString('en-US')} of ${progress.total.toLocaleString('en-US')} files): this answer may be incomplete.`;
  if (isComponentsV2(reply)) {
    // A card keeps room for a note above it (NOTE_ROOM); one that would not fit is left out, as below.
    const components = [textDisplay(note), ...(reply.components ?? [])];
    const fits =
      countComponents(components) <= V2_LIMITS.componentsPerMessage &&
      textLength(components) + (reply.content?.length ?? 0) <= V2_LIMITS.textPerMessage;
    return fits ? { ...reply, components } : reply;
  }
  const content = reply.content ? `${note}\n${reply.content}` : note;
  // A note that would push the content past Discord's limit is left out rather than cutting the answer.
  return content.length <= LIMITS.content ? { ...reply, content } : reply;
}
