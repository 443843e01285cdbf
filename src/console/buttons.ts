/**
 * The buttons of an answer as the terminal uses them: found by label, since nothing can be clicked, wherever they
 * sit (in a row, beside a section, inside a container).
 */
import { buttonsOf as allButtons } from '../message/components.js';
import type { MessagePayload } from '../message/payload.js';

function buttonsOf(payload: MessagePayload | undefined) {
  return allButtons(payload?.components).flatMap((component) =>
    'custom_id' in component && component.label
      ? [
          {
            label: component.label.toLowerCase(),
            customId: component.custom_id,
            disabled: component.disabled,
          },
        ]
      : [],
  );
}

/** The custom_id of the answer's button with this label ("next", "prev"), if it is there and enabled. */
export function enabledButton(payload: MessagePayload | undefined, label: string): string | undefined {
  const found = buttonsOf(payload).find((button) => button.label.includes(label));
  return found && !found.disabled ? found.customId : undefined;
}

/**
 * The enabled button a typed word names: its label ("save", "replace"), the label's first word ("move" for
 * "Move to trash"), or the start of it ("prev").
 */
export function buttonNamed(payload: MessagePayload | undefined, typed: string): string | undefined {
  const word = typed.trim().toLowerCase();
  if (!word) return undefined;
  const found = buttonsOf(payload).find(
    (button) =>
      button.label === word ||
      button.label.split(' ')[0] === word ||
      (word.length >= 4 && button.label.startsWith(word)),
  );
  return found && !found.disabled ? found.customId : undefined;
}

/** The labels of the answer's enabled buttons, for the line that says what can be typed. */
export function buttonLabels(payload: MessagePayload | undefined): string[] {
  return buttonsOf(payload)
    .filter((button) => !button.disabled)
    .map((button) => button.label.split(' ')[0]!);
}
