/** The buttons of an answer as the terminal uses them: found by label, since nothing can be clicked. */
import type { MessagePayload } from '../message/payload.js';

/** The custom_id of the answer's button with this label ("next", "prev"), if it is there and enabled. */
export function enabledButton(payload: MessagePayload | undefined, label: string): string | undefined {
  for (const row of payload?.components ?? []) {
    for (const component of row.components) {
      if (
        'custom_id' in component &&
        'label' in component &&
        component.label?.toLowerCase().includes(label)
      ) {
        return component.disabled ? undefined : component.custom_id;
      }
    }
  }
  return undefined;
}
