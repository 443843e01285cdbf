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
    scrap withdraw_from renounce`,
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
