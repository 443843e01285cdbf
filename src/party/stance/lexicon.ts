/**
 * Our verb lexicon: the lemma (or lemma and particle) of a predicate -> the stance it expresses. Lemmas are
 * looked up as the NLP library gives them and, for rarer words it may lemmatise oddly, as written.
 */
import type { StanceKind } from './model.js';

const BY_KIND: Record<StanceKind, string> = {
  says: `say state claim warn accuse announce argue assert tell note report stress reiterate repeat confirm
    threaten describe criticise criticize condemn predict acknowledge admit insist add declare signal indicate
    write call brand label blame allege caution complain explain estimate promise vow maintain suggest hint
    contend charge reply respond answer remark comment`,
  wants: `demand propose offer urge seek ask request want insist_on press push require table lobby
    appeal plead need aim hope expect invite call_for call_on push_for press_for ask_for put_forward
    hold_out_for float floated set_out lay_out`,
  refuses: `reject refuse deny dismiss veto block oppose resist decline balk boycott spurn rebuff repudiate
    rule_out turn_down walk_out walk_away pull_out back_out shoot_down vote_against object protest 
    scrap withdraw_from renounce refrain refrain_from`,
  agreed: `agree accept sign endorse approve ratify back consent adopt embrace welcome initial initialled
    conclude finalise finalize recognise recognize sign_off sign_up concede give_up settle
    join honour honor respect`,
};

/** Verbs whose object is a reported statement: what follows them may itself want or refuse something. */
const SPEECH = new Set(
  `say state claim warn announce argue assert tell note report stress reiterate repeat confirm insist add
  declare signal indicate write promise vow maintain suggest contend reply respond answer remark comment
  threaten`.split(/\s+/),
);

const lexicon = new Map<string, StanceKind>();
for (const [kind, words] of Object.entries(BY_KIND) as [StanceKind, string][]) {
  for (const word of words.split(/\s+/)) if (word && !lexicon.has(word)) lexicon.set(word, kind);
}

/** Particles that may form a phrasal verb with the word before them. */
export const PARTICLES = new Set([
  'out',
  'down',
  'for',
  'on',
  'up',
  'off',
  'away',
  'forward',
  'against',
  'from',
]);

/** The stance of a verb, phrasal form first (`rule out` before `rule`); undefined when it has none. */
export function verbStance(lemma: string, written: string, particle?: string): StanceKind | undefined {
  if (particle) {
    const phrasal = lexicon.get(`${lemma}_${particle}`) ?? lexicon.get(`${written}_${particle}`);
    if (phrasal) return phrasal;
  }
  return lexicon.get(lemma) ?? lexicon.get(written);
}

export function isSpeechVerb(lemma: string): boolean {
  return SPEECH.has(lemma);
}

/** Negation turns a stance around: not agreeing or not wanting is a refusal; not refusing is only a remark. */
export function negated(kind: StanceKind): StanceKind {
  return kind === 'agreed' || kind === 'wants' ? 'refuses' : 'says';
}

export const NEGATIONS = new Set(['not', "n't", 'never', 'no', 'neither', 'nor']);
/** Words that make what a speaker says a demand or a condition. */
export const MODALS_OF_DEMAND = new Set(['must', 'should']);
export const READY = new Set(['ready', 'willing', 'prepared', 'open']);
export const CONDITIONS = new Set(['unless', 'provided', 'providing']);

/** Nouns of readiness: `signalled readiness to`, `expressed willingness to` make a want of any verb. */
export const READINESS = new Set(['readiness', 'willingness', 'openness', 'preparedness']);

/** `no intention of`, `no plans to`, `no interest in`: a refusal of what follows. */
const INTENTIONS = new Set([
  'intention',
  'intentions',
  'plan',
  'plans',
  'desire',
  'interest',
  'wish',
  'appetite',
]);

/** Future modals: `will not`, `would never` + a verb is a declared refusal, `did not` only a fact. */
export const FUTURE_MODALS = new Set(['will', 'would', 'wo', 'shall', "'ll"]);

/**
 * Meetings and visits: joining or concluding one is an event, no stance (`joined the talks`,
 * `concluded a visit`); `join the sanctions`, `conclude a deal` are agreements.
 */
const EVENT_NOUNS = new Set(
  `talks talk meeting meetings summit session sessions round negotiations visit delegation call discussions
  consultations ceremony conference dinner trip tour`.split(/\s+/),
);

/** Whether the phrase at `at` is `no intention of` and the like. */
export function isNoIntention(tokens: readonly { lower: string }[], at: number): boolean {
  return tokens[at]?.lower === 'no' && INTENTIONS.has(tokens[at + 1]?.lower ?? '');
}

/** `stopped short of endorsing`: the verb at `at` is `stop` with `short of` after it. */
export function isStopShort(tokens: readonly { lemma: string; lower: string }[], at: number): boolean {
  return tokens[at]?.lemma === 'stop' && tokens[at + 1]?.lower === 'short' && tokens[at + 2]?.lower === 'of';
}

/** Verbs of agreement that also take a meeting as their object: `joined the talks`, `concluded a visit`. */
const JOINING = new Set(['join', 'conclude']);

/** Whether the verb at `at` joins or concludes a meeting or a visit (its object's head is one, not its owner). */
export function joinsEvent(
  tokens: readonly { lower: string; lemma: string; pos: string }[],
  at: number,
  to: number,
): boolean {
  if (!JOINING.has(tokens[at]!.lemma)) return false;
  for (let next = at + 1; next < Math.min(to, at + 5); next++) {
    const token = tokens[next]!;
    const after = tokens[next + 1]?.lower;
    if (EVENT_NOUNS.has(token.lower)) return after !== "'s" && after !== '’s';
    if (token.pos === 'NOUN' || token.pos === 'VERB' || token.pos === 'ADP') return false;
  }
  return false;
}

/**
 * Whether a condition begins at `at`: `if` (not `as if`, `even if`), `unless`, `provided (that)`, `as long as`,
 * `so long as`, `in return for`, `in exchange for`, `on condition that`. Returns the condition's length in
 * tokens, 0 when none.
 */
export function conditionAt(tokens: readonly { lower: string }[], at: number): number {
  const word = tokens[at]?.lower;
  const before = tokens[at - 1]?.lower;
  const after = tokens[at + 1]?.lower;
  if (word === 'if') return before === 'as' || before === 'even' ? 0 : 1;
  if (word === 'unless' || word === 'providing') return 1;
  if (word === 'provided') return after === 'that' ? 2 : 1;
  if ((word === 'as' || word === 'so') && after === 'long' && tokens[at + 2]?.lower === 'as') return 3;
  if (word === 'in' && (after === 'return' || after === 'exchange') && tokens[at + 2]?.lower === 'for')
    return 3;
  if (word === 'on' && after === 'condition') return 2;
  return 0;
}

/** Verbs whose `if` states a threat, not an offer: `warned it would retaliate if ...`. */
export const THREATS = new Set(['warn', 'threaten', 'caution']);
