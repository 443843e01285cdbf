/** Input lines that went into no field or section, listed as `line N: kind: text`. */
import type { DroppedLine } from '../briefing/model.js';

export function formatDropped(dropped: DroppedLine): string {
  return `line ${dropped.line}: ${dropped.kind}: ${dropped.text}`;
}
