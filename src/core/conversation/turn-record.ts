/**
 * What a conversation remembers of one answered message: who and what it was about (the
 * question's people first, then whom the reply quoted, then whom its cited sentences name),
 * the quotations it showed and the sources it cited.
 */
import { shownKey } from '../compose/answer-focus.ts';
import type { Reply } from '../reply.ts';
import type { QuestionIndex } from '../retrieve/entity-index.ts';
import { entitiesNamedIn, entityByName, entityRef } from './entity-refs.ts';
import type { EntityRef, QuotedRef, SourceRef, Turn } from './turns.ts';

/** Enough people and organisations for "he", "she" and "they" to find theirs. */
const ENTITIES_KEPT = 10;
/** Sentences remembered as shown for one subject: "more" after many pages still skips the first. */
const SHOWN_KEPT = 60;

/** What the message and its reading say of the turn; the rest of it is taken from the reply. */
export interface TurnFacts extends Pick<Turn, 'at' | 'text' | 'command' | 'options' | 'subject' | 'concepts' | 'period'> {
  /** Entities the message was read to be about (a pronoun's person, a card's subject). */
  readonly about?: readonly EntityRef[];
  /** The turn this one goes on from ("more"): what it showed is still shown. */
  readonly continues?: Turn;
  /** Sources to keep instead of the reply's ("source 2" keeps the answer's sources). */
  readonly keepSources?: readonly SourceRef[];
}

/** The turn to remember for a reply. */
export function recordTurn(facts: TurnFacts, reply: Reply, index: QuestionIndex): Turn {
  const entities: EntityRef[] = [];
  const add = (ref: EntityRef | undefined) => {
    if (ref && ref.kind !== 'place' && !entities.some((e) => e.id === ref.id)) entities.push(ref);
  };
  for (const ref of facts.about ?? []) add(ref);
  if (facts.subject) for (const ref of entitiesNamedIn(facts.subject, index)) add(ref);
  const quoted: QuotedRef[] = [];
  for (const part of reply.parts) {
    if (part.kind !== 'quote') continue;
    const speaker = part.speaker ? entityByName(part.speaker, index) : undefined;
    if (speaker) add(entityRef(speaker));
    const citation = reply.citations.find((c) => c.n === part.cites[0]);
    if (citation) quoted.push({ speaker: speaker?.id ?? null, article: citation.article, quote: part.text });
  }
  for (const citation of reply.citations) for (const text of citation.texts ?? [citation.text]) for (const ref of entitiesNamedIn(text, index)) add(ref);

  const sources: SourceRef[] = reply.citations.map((c) => ({
    n: c.n,
    article: c.article,
    sentence: c.sentence ?? null,
    text: c.text,
    texts: c.texts ?? [c.text],
    outlet: c.outlet,
    title: c.title,
    published: c.published,
    url: c.url,
  }));
  const shownNow = reply.citations.flatMap((c) => (c.texts ?? [c.text]).map((text) => shownKey(c.article, text)));
  const shown = [...new Set([...(facts.continues?.shown ?? []), ...shownNow])].slice(-SHOWN_KEPT);
  return {
    at: facts.at,
    text: facts.text,
    command: facts.command,
    options: facts.options,
    subject: facts.subject,
    concepts: facts.concepts,
    ...(facts.period ? { period: facts.period } : {}),
    entities: entities.slice(0, ENTITIES_KEPT),
    quoted,
    sources: facts.keepSources ?? sources,
    shown,
  };
}
