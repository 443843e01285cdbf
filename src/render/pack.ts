/** Messages into one answer: the first answers, the rest follow it, and no answer runs past its follow-ups. */
import { isComponentsV2, textDisplay } from '../message/components.js';
import { LIMITS } from '../message/limits.js';
import { MAX_FOLLOW_UPS, type MessagePayload, type Reply } from '../message/payload.js';
import { shorten } from './split.js';

/**
 * At most the messages one answer may post (the first and MAX_FOLLOW_UPS more); when some are left out, the
 * last one kept says so with `note` (as small print at its end; a V2 message keeps room for it, see NOTE_ROOM).
 */
export function capMessages(messages: readonly MessagePayload[], note: string): MessagePayload[] {
  const max = 1 + MAX_FOLLOW_UPS;
  if (messages.length <= max) return [...messages];
  const kept = messages.slice(0, max);
  const last = kept[max - 1]!;
  const left = `${messages.length - max} more ${messages.length - max === 1 ? 'message' : 'messages'} left out. ${note}`;
  if (isComponentsV2(last)) {
    kept[max - 1] = { ...last, components: [...(last.components ?? []), textDisplay(`-# ${left}`)] };
    return kept;
  }
  // The note is kept whole; content already there gives way to it.
  const before = last.content ? shorten(last.content, LIMITS.content - left.length - 1) : '';
  kept[max - 1] = { ...last, content: shorten(before ? `${before}\n${left}` : left, LIMITS.content) };
  return kept;
}

/** The first message answers; the rest follow it. */
export function toReply(messages: readonly MessagePayload[], options: { ephemeral?: boolean } = {}): Reply {
  const [first = {}, ...followUps] = messages;
  return {
    ...first,
    ...(followUps.length ? { followUps } : {}),
    ...(options.ephemeral ? { ephemeral: true } : {}),
  };
}

/** Every message of a reply, in the order they are sent. */
export function replyMessages(reply: Reply): MessagePayload[] {
  const { followUps = [], ephemeral: _ephemeral, ...first } = reply;
  return [first, ...followUps];
}
