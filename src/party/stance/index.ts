/** The stance classifier: what a party says, wants, refuses and agreed to, and the card that groups them. */
export { buildStanceCard } from './card.js';
export { classifyStatement } from './classify.js';
export type { CitedStanceItem, StanceCard, StanceItem, StanceKind } from './model.js';
