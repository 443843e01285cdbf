/**
 * The stance card: a party's items grouped by category, newest first. An item that turns an older one around
 * (accepting what was refused, refusing what was accepted or wanted) on the same topic is marked as a change;
 * of several items turning the same older one around, only the newest is.
 */
import type { CitedStanceItem, StanceCard, StanceKind } from './model.js';
import { sameTopic, type Topic, topicOf } from './topic.js';

/** The older categories an item of each category contradicts. */
const TURNS_AROUND: Record<StanceKind, readonly StanceKind[]> = {
  agreed: ['refuses'],
  refuses: ['agreed', 'wants'],
  wants: [],
  says: [],
};

export function buildStanceCard(items: readonly CitedStanceItem[]): StanceCard {
  const ordered = items
    .map((item, order) => ({ item, order, topic: topicOf(item.line, item.actor) }))
    .sort((a, b) => (a.item.date === b.item.date ? a.order - b.order : a.item.date < b.item.date ? 1 : -1));
  const card: StanceCard = { says: [], wants: [], refuses: [], agreed: [] };
  /** Older items already turned around, per category of the newer item. */
  const turned = new Set<string>();
  ordered.forEach(({ item, topic }, index) => {
    const older = olderContradicted(ordered, index, item, topic);
    const key = older === undefined ? '' : `${item.kind}:${older}`;
    const change = older !== undefined && !turned.has(key);
    if (change) turned.add(key);
    const { change: _, ...rest } = item;
    card[item.kind].push(change ? { ...rest, change: true } : rest);
  });
  return card;
}

function olderContradicted(
  ordered: readonly { item: CitedStanceItem; topic: Topic }[],
  index: number,
  item: CitedStanceItem,
  topic: Topic,
): number | undefined {
  const opposite = TURNS_AROUND[item.kind];
  if (opposite.length === 0) return undefined;
  for (let older = index + 1; older < ordered.length; older++) {
    const candidate = ordered[older]!;
    if (candidate.item.date >= item.date) continue;
    if (opposite.includes(candidate.item.kind) && sameTopic(topic, candidate.topic)) return older;
  }
  return undefined;
}
