import type { Entity, EntityKind, Mention, Sentence } from '../article.ts';
import { DraftTable, type Draft } from './entity-drafts.ts';
import { fileOccurrences, isSpokes, personByRole } from './entity-filing.ts';
import { gather, textOf, type Occurrence, type RoleRef } from './entity-gathering.ts';
import type { Gender } from './lexicon/honorifics.ts';
import { afterPlaceInPhrase, afterPreposition, afterVerb, findGroups, findOrgNouns, findPronouns, type Ref, type RefType } from './references.ts';
import { findDescriptorSpeakers } from './descriptor-speakers.ts';
import { isDescriptorRole } from './descriptors.ts';
import { roleStrings } from './roles.ts';
import { tokenize, type Token } from './tokens.ts';
import { VERB_FILLERS } from './lexicon/function-words.ts';
import { ORG_NOUNS } from './lexicon/organisations.ts';
import { INVERTING_VERBS, REPORTING_VERBS } from './lexicon/reporting-verbs.ts';

/** One sentence's tokens and the references found in it, for attribution. */
export interface SentenceContext {
  readonly sentence: Sentence;
  readonly tokens: readonly Token[];
  readonly refs: Ref[];
}

/** The entities of one article and where the text refers to them. */
export interface EntityTable {
  readonly entities: readonly Entity[];
  readonly mentions: readonly Mention[];
  readonly contexts: readonly SentenceContext[];
  readonly genderOf: (key: string) => Gender;
  readonly kindOf: (key: string) => EntityKind | undefined;
  /** Whether the article gives the entity a name, not only a role. */
  readonly isNamed: (key: string) => boolean;
  /** The person the article is about: named in the title, else clearly the most mentioned; or null. */
  readonly mainPerson: string | null;
}

function salientOrganisation(table: DraftTable): Draft | null {
  let best: Draft | null = null;
  for (const draft of table.all()) {
    if (draft.kind !== 'organisation' || draft.count === 0) continue;
    if (!best || draft.count > best.count || (draft.count === best.count && draft.firstSeen < best.firstSeen)) best = draft;
  }
  return best;
}

const NOMINATIVE = new Set(['he', 'she', 'they']);

class RefCollector {
  constructor(
    private readonly text: string,
    private readonly contexts: readonly SentenceContext[],
    private readonly table: DraftTable,
  ) {}

  /** Adds a reference; `nameStart` starts the mention later than the reference ("Defence Secretary [Jane Doe]"). */
  add(ctx: number, type: RefType, tokStart: number, tokEnd: number, entity: Draft | null, extra: Partial<Ref> = {}, nameStart = tokStart): void {
    const context = this.contexts[ctx];
    const first = context?.tokens[tokStart];
    const last = context?.tokens[tokEnd - 1];
    const named = context?.tokens[nameStart] ?? first;
    if (!context || !first || !last || !named) return;
    if (entity && type !== 'pronoun') this.table.mention(entity, context.sentence.index, named.start, last.end, this.text.slice(named.start, last.end));
    context.refs.push({
      type,
      sentence: context.sentence.index,
      tokStart,
      tokEnd,
      start: first.start,
      end: last.end,
      entity: entity?.key ?? null,
      // "after she attacked …": "he", "she" and "they" are never a preposition's object, so
      // the word before opens a clause and the pronoun is its subject.
      afterPreposition:
        !NOMINATIVE.has(first.lower) &&
        (afterPreposition(context.tokens, tokStart) || (entity?.kind === 'place' && afterPlaceInPhrase(context.tokens, tokStart))),
      afterVerb: afterVerb(context.tokens, tokStart),
      ...extra,
    });
  }
}

/** The organisation a spokesperson speaks for: named in the phrase, else the nearest before, else the article's main one. */
function spokesOrganisation(
  rr: RoleRef,
  occurrences: readonly Occurrence[],
  contexts: readonly SentenceContext[],
  table: DraftTable,
  salient: Draft | null,
): Draft | null {
  const context = contexts[rr.ctx];
  const inPhrase = occurrences.find((o) => o.ctx === rr.ctx && o.tokStart >= rr.tokStart && o.tokEnd <= rr.tokEnd && o.entity && o.entity.kind !== 'person');
  if (inPhrase?.entity) return inPhrase.entity;
  if (rr.role.qualifier)
    return table.upsert(`organisation:${rr.role.qualifier.toLowerCase()}`, { name: rr.role.qualifier, kind: 'organisation' }, context?.sentence.start ?? 0);
  const block = context?.sentence.block;
  const before = occurrences.filter((o) => {
    const at = contexts[o.ctx];
    return at?.sentence.block === block && (o.ctx < rr.ctx || (o.ctx === rr.ctx && o.tokEnd <= rr.tokStart)) && o.entity?.kind === 'organisation';
  });
  return before[before.length - 1]?.entity ?? salient;
}

/**
 * Finds the people, organisations, places and groups of an article, files every way the
 * text refers to them under one entity ("Joan Smith", "Ms Smith", "the Defence
 * Secretary"), and lists per sentence the references attribution will look for.
 * Example: "Defence Secretary Jane Doe spoke. Ms Doe said…" → one person, Jane Doe,
 * with alias "Ms Doe" and role "defence secretary".
 */
export function buildEntityTable(text: string, sentences: readonly Sentence[], title = ''): EntityTable {
  const contexts: SentenceContext[] = sentences.map((sentence) => ({ sentence, tokens: tokenize(text, sentence.start, sentence.end), refs: [] }));
  const { occurrences, roleRefs } = gather(text, contexts);
  const table = new DraftTable();
  fileOccurrences(occurrences, contexts, table);
  const refs = new RefCollector(text, contexts, table);
  for (const o of occurrences) if (o.entity) refs.add(o.ctx, 'name', o.refStart, o.tokEnd, o.entity, {}, o.nameStart);
  contexts.forEach((context, ctx) => {
    for (const group of findGroups(context.tokens)) {
      const draft = table.upsert(`group:${group.name.toLowerCase()}`, { name: group.name, kind: 'group', named: group.named }, context.sentence.start);
      refs.add(ctx, 'group', group.tokStart, group.tokEnd, draft);
    }
  });
  const salient = salientOrganisation(table);
  const quoting = blocksQuoting(text, sentences);
  let lastSpokes: Draft | null = null;
  for (const rr of roleRefs) {
    let entity: Draft | null = rr.owner?.entity ?? null;
    let anaphor = false;
    // "Acme spokesman Jane Doe said … the spokesman added": she is the spokesman after.
    if (entity && isSpokes(rr.role)) lastSpokes = entity;
    if (!entity && isSpokes(rr.role)) {
      const head = rr.role.core.split(' ').find((word) => /^spokes/.test(word)) ?? 'spokesperson';
      const principal = principalOf(rr, roleRefs, contexts);
      // "the council's spokesperson": the organisation the article is about.
      const ownedByNoun = ORG_NOUNS.has(contexts[rr.ctx]?.tokens[rr.tokStart]?.lower ?? '') && contexts[rr.ctx]?.tokens[rr.tokStart]?.possessive === true;
      const organisation = principal
        ? null
        : ownedByNoun
          ? salient
          : rr.definite && !rr.role.qualifier && lastSpokes
            ? null
            : spokesOrganisation(rr, occurrences, contexts, table, salient);
      if (!principal && !organisation && rr.definite && lastSpokes) entity = lastSpokes;
      else {
        const name = principal ? `${principal}'s ${head}` : organisation ? `${organisation.name} ${head}` : head;
        entity = table.upsert(`spokes:${name.toLowerCase()}`, { name, kind: 'person', named: false }, contexts[rr.ctx]?.sentence.start ?? 0);
        entity.roles.add(head);
        if (organisation) entity.roles.add(`${organisation.name.toLowerCase()} ${head}`);
      }
      lastSpokes = entity;
    } else if (!entity && (rr.definite || speaks(contexts[rr.ctx]?.tokens ?? [], rr))) {
      entity = rr.definite ? (personByRole(table, rr.role) ?? table.find(`role:${roleStrings(rr.role).pop() ?? ''}`) ?? null) : null;
      // "the 27-year-old", "the Italy captain": someone named before, found when a quote needs it.
      anaphor = !entity && rr.definite && isDescriptorRole(rr.role);
      if (!entity && rr.role.core && !anaphor) {
        const values = roleStrings(rr.role);
        const qualifier = rr.role.qualifier ?? '';
        const written = rr.text.replace(/^(?:the|a|an)\s+/i, '').replace(/^(?:former|then|acting|interim|outgoing)\s+/i, '');
        const name = rr.role.qualifier || /[’']s\b/.test(written) ? `${qualifier} ${rr.role.core}`.trim() : written;
        entity = table.upsert(`role:${values[values.length - 1]}`, { name, kind: 'person', named: false }, contexts[rr.ctx]?.sentence.start ?? 0);
        for (const value of values) entity.roles.add(value);
      }
    }
    if (entity) refs.add(rr.ctx, 'role', rr.tokStart, rr.tokEnd, entity);
    else if (anaphor) refs.add(rr.ctx, 'role', rr.tokStart, rr.tokEnd, null, { anaphor: rr.role.core });
  }
  contexts.forEach((context, ctx) => {
    for (const noun of findOrgNouns(context.tokens)) refs.add(ctx, 'org-noun', noun.tokStart, noun.tokEnd, salient);
    for (const index of findPronouns(context.tokens)) {
      const lower = context.tokens[index]?.lower as 'he' | 'she' | 'they' | 'it';
      refs.add(ctx, 'pronoun', index, index + 1, null, { pronoun: lower });
    }
    // "a friend said", "the commission says": a description in a speaker's place, unless a
    // name, role or organisation already ends there ("the company said" is the company).
    // Only paragraphs that quote someone need their unnamed sources.
    for (const phrase of quoting.has(context.sentence.block) ? findDescriptorSpeakers(context.tokens) : []) {
      // ("one adviser to Jane Doe said": a name after the description's preposition does not count.)
      const ownHead = (r: Ref): boolean => r.tokEnd === phrase.tokEnd && !context.tokens.slice(phrase.tokStart, r.tokStart).some((t) => t.lower === 'to');
      const held = context.refs.filter((r) => ownHead(r) || (r.tokStart < phrase.tokStart && r.tokEnd > phrase.tokStart));
      // "According to the newspaper," in an article that names no newspaper: an organisation
      // noun that refers to no one is the description it reads as.
      if (held.some((r) => r.type !== 'org-noun' || r.entity !== null)) continue;
      for (const r of held) context.refs.splice(context.refs.indexOf(r), 1);
      const name = textOf(text, context.tokens, phrase.tokStart, phrase.tokEnd);
      const draft = table.upsert(`described:${name.toLowerCase()}`, { name, kind: phrase.plural ? 'group' : 'person', named: false }, context.sentence.start);
      refs.add(ctx, 'descriptor', phrase.tokStart, phrase.tokEnd, draft);
    }
    context.refs.splice(0, context.refs.length, ...outermost(context.refs));
  });
  const byKey = (key: string): Draft | undefined => table.byKey(key);
  return {
    entities: table.entities(),
    mentions: table.mentions.sort((a, b) => a.start - b.start),
    contexts,
    genderOf: (key) => byKey(key)?.gender ?? 'unknown',
    kindOf: (key) => byKey(key)?.kind,
    isNamed: (key) => byKey(key)?.named ?? false,
    mainPerson: mainPerson(table, title),
  };
}

/**
 * The person an article is about: the named person whose surname its title gives (the
 * most mentioned, if several), else the most mentioned named person when no one else is
 * mentioned as often. Example: title "Doe doubt over final" → Jane Doe.
 */
function mainPerson(table: DraftTable, title: string): string | null {
  const titleWords = new Set(title.split(/[^\p{L}\p{N}'’-]+/u).map((word) => word.replace(/[’']s$/, '')));
  const persons = table.all().filter((draft) => draft.kind === 'person' && draft.named && draft.count > 0);
  const byCount = [...persons].sort((a, b) => b.count - a.count || a.firstSeen - b.firstSeen);
  const inTitle = byCount.find((draft) => draft.name.includes(' ') && titleWords.has(draft.name.split(' ').pop() ?? ''));
  if (inTitle) return inTitle.key;
  const [first, second] = byCount;
  return first && first.count >= 2 && (!second || first.count > second.count) ? first.key : null;
}

/** "the prime minister's spokesman": the role a spokesperson speaks for, when a possessive role names it. */
function principalOf(rr: RoleRef, roleRefs: readonly RoleRef[], contexts: readonly SentenceContext[]): string | null {
  const owner = contexts[rr.ctx]?.tokens[rr.tokStart];
  if (!owner?.possessive || owner.capitalised) return null;
  const role = roleRefs.find((other) => other.ctx === rr.ctx && other.tokEnd === rr.tokStart + 1);
  return role ? role.text.replace(/^(?:the|a|an)\s+/i, '') : null;
}

/** An indefinite role phrase counts only as a speaker: "a government minister said", "said a coach". */
function speaks(tokens: readonly Token[], rr: RoleRef): boolean {
  let k = rr.tokEnd;
  while (tokens[k] && VERB_FILLERS.has(tokens[k]?.lower ?? '')) k++;
  const before = tokens[rr.tokStart - 2]?.lower === 'a' || tokens[rr.tokStart - 2]?.lower === 'an' ? tokens[rr.tokStart - 2] : tokens[rr.tokStart - 1];
  return REPORTING_VERBS.has(tokens[k]?.lower ?? '') || INVERTING_VERBS.has(tokens[rr.tokStart - 2]?.lower ?? '') || INVERTING_VERBS.has(before?.lower ?? '');
}

// Marks that open or close a quotation; a straight apostrophe is too often "it's" to count.
const QUOTE_MARKS = /["“”«»„‘]/g;

/** The blocks whose text holds a quotation mark, in one pass over the text. */
function blocksQuoting(text: string, sentences: readonly Sentence[]): Set<number> {
  const found = new Set<number>();
  let s = 0;
  QUOTE_MARKS.lastIndex = 0;
  for (let match = QUOTE_MARKS.exec(text); match; match = QUOTE_MARKS.exec(text)) {
    while (s < sentences.length && (sentences[s]?.end ?? 0) <= match.index) s++;
    const sentence = sentences[s];
    if (sentence && sentence.start <= match.index) found.add(sentence.block);
  }
  return found;
}

/** Keeps the widest of overlapping references: "U.S. officials" over "U.S.", "the head of FBI" over "FBI". */
function outermost(refs: readonly Ref[]): Ref[] {
  const sorted = [...refs].sort((a, b) => a.tokStart - b.tokStart || b.tokEnd - a.tokEnd);
  const kept: Ref[] = [];
  for (const ref of sorted) {
    const last = kept[kept.length - 1];
    if (last && ref.tokStart >= last.tokStart && ref.tokEnd <= last.tokEnd) continue;
    kept.push(ref);
  }
  return kept;
}
