import type { EntityKind } from '../article.ts';
import type { Draft } from './entity-drafts.ts';
import { FUNCTION_WORDS, VERB_FILLERS } from './lexicon/function-words.ts';
import { ORG_NOUNS, SPOKES_NOUNS } from './lexicon/organisations.ts';
import { INVERTING_VERBS, REPORTING_VERBS, SPEECH_NOUNS, WEAK_REPORTING_STEMS } from './lexicon/reporting-verbs.ts';
import { ROLE_HEADS } from './lexicon/roles.ts';
import { isNeverEntity, lexicalKind, type LexicalKind } from './name-kinds.ts';
import { findNameRuns, type NameRun } from './proper-nouns.ts';
import { findRolePhrases, normaliseRole, splitRunRole, type Role } from './roles.ts';
import type { Token } from './tokens.ts';

/** The tokens of one sentence, as gathering needs them. */
export interface TokenisedSentence {
  readonly tokens: readonly Token[];
}

/** A role phrase of a sentence; `owner` is the named person it is attached to, if any. */
export interface RoleRef {
  readonly ctx: number;
  readonly tokStart: number;
  readonly tokEnd: number;
  readonly role: Role;
  readonly definite: boolean;
  readonly text: string;
  owner: Occurrence | null;
}

/** One appearance of a capitalised name, with what its words and surroundings say it is. */
export interface Occurrence {
  readonly ctx: number;
  readonly tokStart: number;
  readonly tokEnd: number;
  /** First token of the name as written, honorific included. */
  readonly nameStart: number;
  refStart: number;
  readonly words: readonly string[];
  readonly honorific: string | null;
  readonly lex: LexicalKind;
  readonly roles: Role[];
  kind: EntityKind | null;
  readonly cue: boolean;
  readonly initial: boolean;
  readonly text: string;
  entity: Draft | null;
}

const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their']);

function isShouting(tokens: readonly Token[]): boolean {
  let words = 0;
  let upper = 0;
  for (const token of tokens) {
    if (!token.isWord || token.lower === token.text) continue;
    words++;
    if (token.text === token.text.toUpperCase()) upper++;
  }
  // Words with no capital at all are counted too, through the sentence's length.
  const all = tokens.reduce((n, token) => n + (token.isWord ? 1 : 0), 0);
  return all >= 3 && upper / all > 0.7 && words > 0;
}

function isReportingCue(token: Token | undefined): boolean {
  const stem = token && REPORTING_VERBS.get(token.lower);
  return stem !== undefined && !WEAK_REPORTING_STEMS.has(stem);
}

function verbAfter(tokens: readonly Token[], from: number): boolean {
  let k = from;
  while (tokens[k] && VERB_FILLERS.has(tokens[k]?.lower ?? '')) k++;
  return isReportingCue(tokens[k]);
}

/** The comma closing an apposition that opens at `comma`: "Jane Doe, 45, a nurse from Leeds, said". */
export function appositionEnd(tokens: readonly Token[], comma: number): number | null {
  if (tokens[comma]?.text !== ',') return null;
  for (let k = comma + 1; k < tokens.length && k <= comma + 16; k++) {
    const token = tokens[k];
    if (!token) return null;
    if (token.text === ',') return k > comma + 1 ? k : null;
    if (!token.isWord && !/^[’'&()-]$/.test(token.text)) return null;
  }
  return null;
}

function orgApposition(tokens: readonly Token[], end: number): boolean {
  if (tokens[end]?.text !== ',' || !['a', 'an', 'the'].includes(tokens[end + 1]?.lower ?? '')) return false;
  // "Acme, a Chinese technology firm," — the organisation noun heads the apposition.
  for (let k = end + 2; k < end + 6 && tokens[k]?.isWord && !FUNCTION_WORDS.has(tokens[k]?.lower ?? ''); k++) {
    if (ORG_NOUNS.has(tokens[k]?.lower ?? '')) return true;
  }
  return false;
}

/** The text of tokens [from, to) as written, spaces included. */
export function textOf(text: string, tokens: readonly Token[], from: number, to: number): string {
  const first = tokens[from];
  const last = tokens[to - 1];
  return first && last ? text.slice(first.start, last.end) : '';
}

/**
 * Gathers the capitalised names and role phrases of an article's sentences, with the cues
 * around each that say what it is: honorifics, roles before or in apposition ("Jane Doe,
 * the chief executive,"), descriptors ("technology firm Acme"), a reporting verb after.
 */
export function gather(text: string, contexts: readonly TokenisedSentence[]): { occurrences: Occurrence[]; roleRefs: RoleRef[] } {
  const occurrences: Occurrence[] = [];
  const roleRefs: RoleRef[] = [];
  contexts.forEach(({ tokens }, ctx) => {
    if (isShouting(tokens)) return;
    const roles: RoleRef[] = findRolePhrases(tokens).map((phrase) => ({ ctx, ...phrase, text: textOf(text, tokens, phrase.tokStart, phrase.tokEnd), owner: null }));
    const names: { run: NameRun; words: readonly string[]; role: Role | null; skip: number }[] = [];
    for (const run of findNameRuns(tokens)) {
      if (isNeverEntity(run.words)) continue;
      const split = run.honorific ? null : splitRunRole(run.words);
      if (split && split.name.length === 0) {
        const determiner = tokens[run.tokStart - 1]?.lower ?? '';
        const definite = run.initial || determiner === 'the' || tokens[run.tokStart - 1]?.possessive === true;
        roles.push({ ctx, tokStart: run.tokStart, tokEnd: run.tokEnd, role: normaliseRole(split.role), definite, text: textOf(text, tokens, run.tokStart, run.tokEnd), owner: null });
        continue;
      }
      names.push({ run, words: split ? split.name : run.words, role: split ? normaliseRole(split.role) : null, skip: split ? run.words.length - split.name.length : 0 });
    }
    roles.sort((a, b) => a.tokStart - b.tokStart);
    for (const { run, words, role, skip } of names) {
      const a = run.tokStart + skip;
      const b = run.tokEnd;
      const lex = lexicalKind(words, run.honorific);
      const canBePerson = lex.kind === null || lex.kind === 'person';
      const found: Role[] = role ? [role] : [];
      let refStart = role ? run.tokStart : a;
      if (run.honorific && ROLE_HEADS.has(run.honorific)) found.push({ core: run.honorific, qualifier: null });
      const prefixesName = (r: RoleRef): boolean => names.some((other) => other.run.tokStart === r.tokEnd);
      const prefix = canBePerson ? roles.find((r) => r.tokEnd === run.tokStart) : undefined;
      if (prefix) {
        found.push(prefix.role);
        refStart = prefix.tokStart;
      }
      const afterComma = canBePerson && tokens[b]?.text === ',' ? roles.find((r) => (r.tokStart === b + 1 || (r.tokStart === b + 2 && DETERMINERS.has(tokens[b + 1]?.lower ?? ''))) && !prefixesName(r)) : undefined;
      const beforeComma = canBePerson && tokens[a - 1]?.text === ',' ? roles.find((r) => r.tokEnd === a - 1) : undefined;
      for (const appositive of [afterComma, beforeComma]) if (appositive) found.push(appositive.role);
      // "software firm Zentrix"; "an Ofcom statement", "a Zentrix spokesman": organisations.
      const after = tokens[b];
      const descriptor = (tokens[a - 1]?.isWord === true && !tokens[a - 1]?.capitalised && ORG_NOUNS.has(tokens[a - 1]?.lower ?? '')) ||
        (after !== undefined && !run.possessive && !after.capitalised && (SPEECH_NOUNS.has(after.lower) || SPOKES_NOUNS.has(after.lower)));
      const closing = appositionEnd(tokens, b);
      const relative = tokens[b]?.text === ',' && tokens[b + 1]?.lower === 'who';
      const cue = verbAfter(tokens, b) || (closing !== null && verbAfter(tokens, closing + 1)) || relative ||
        (INVERTING_VERBS.has(tokens[run.tokStart - 1]?.lower ?? '') && !tokens[run.tokStart - 2]?.isWord);
      let kind = lex.kind;
      if ((kind === null || kind === 'person') && found.length > 0) kind = 'person';
      else if (kind === null && (descriptor || orgApposition(tokens, b))) kind = 'organisation';
      else if (kind === null && cue && words.length >= 2) kind = 'person';
      const occurrence: Occurrence = {
        ctx, tokStart: run.tokStart, tokEnd: b, nameStart: run.honorific ? run.tokStart : a, refStart, words, honorific: run.honorific, lex, roles: found, kind, cue,
        initial: run.initial && skip === 0, text: textOf(text, tokens, run.honorific ? run.tokStart : a, b), entity: null,
      };
      occurrences.push(occurrence);
      if (kind === 'person') for (const used of [prefix, afterComma, beforeComma]) if (used) used.owner = occurrence;
    }
    roleRefs.push(...roles);
  });
  return { occurrences, roleRefs };
}

