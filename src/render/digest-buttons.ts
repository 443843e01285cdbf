/**
 * The buttons of a digest message: "Read" beside each briefing it shows, answered privately with the whole
 * briefing, or "Latest briefing" under a message with none. Their custom_id also marks the message as a given
 * part of a given delivery (see digest/delivery/reconcile), which is how the bot finds a digest it sent before a crash.
 */
import {
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  ButtonStyle,
  ComponentType,
} from 'discord-api-types/v10';
import { markerId } from '../digest/delivery/reconcile.js';
import { LIMITS } from '../message/limits.js';
import { oneLine, shorten } from './split.js';

/** What a Read button opens: the n-th briefing of its delivery, or the newest briefing in the library. */
export type ReadTarget = { briefing: number } | 'latest';

const LATEST = 'latest';

export function readButtonId(marker: string, target: ReadTarget): string {
  return markerId(marker, target === 'latest' ? LATEST : String(target.briefing));
}

/** The target in a Read button's custom_id after its marker, or undefined when it is not one. */
export function readTargetOf(rest: string): ReadTarget | undefined {
  if (rest === LATEST) return LATEST;
  return /^\d{1,4}$/.test(rest) ? { briefing: Number(rest) } : undefined;
}

export function readButton(customId: string, label: string): APIButtonComponentWithCustomId {
  return {
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    custom_id: customId,
    label: shorten(oneLine(label), LIMITS.buttonLabel),
  };
}

/** Rows of Read buttons for the briefings a message shows (by their index in the delivery and their title). */
export function readButtons(
  marker: string,
  shown: readonly { index: number; title: string }[],
): APIActionRowComponent<APIButtonComponentWithCustomId>[] {
  const buttons = shown.length
    ? shown.map((item) => readButton(readButtonId(marker, { briefing: item.index }), `Read: ${item.title}`))
    : [readButton(readButtonId(marker, LATEST), 'Latest briefing')];
  const rows: APIActionRowComponent<APIButtonComponentWithCustomId>[] = [];
  for (let start = 0; start < buttons.length; start += LIMITS.buttonsPerRow) {
    rows.push({
      type: ComponentType.ActionRow,
      components: buttons.slice(start, start + LIMITS.buttonsPerRow),
    });
  }
  return rows;
}
