/**
 * The people and organisations a turn of a conversation is about, as it remembers them: the
 * story entity's id and canonical name, its kind, and the gender its names suggest, so that
 * "she" later finds a woman named before and not the man named last.
 */
import { HONORIFICS, type Gender } from '../analyse/lexicon/honorifics.ts';
import { givenNameGender } from '../analyse/name-kinds.ts';
import { parseQuestion } from '../retrieve/query.ts';
import { foldForLookup, type QuestionIndex, type KnownEntity } from '../retrieve/entity-index.ts';
import type { EntityRef } from './turns.ts';

/**
 * The gender a person's names suggest: an honorific any of them carries ("Mr Smith"), else the
 * given name's usual gender; unknown when neither says, and always for organisations.
 * @example entityGender({ kind: 'person', name: 'Joan Smith', aliases: ['Smith'] }) === 'female'
 * @example entityGender({ kind: 'person', name: 'Smith', aliases: ['Mr Smith'] }) === 'male'
 */
export function entityGender(entity: Pick<KnownEntity, 'kind' | 'name' | 'aliases'>): Gender {
  if (entity.kind !== 'person') return 'unknown';
  for (const name of [entity.name, ...entity.aliases]) {
    const first = name.split(/\s+/)[0]?.toLowerCase().replace(/\.$/, '') ?? '';
    const gender = HONORIFICS.get(first);
    if (gender && gender !== 'unknown' && name.includes(' ')) return gender;
  }
  return givenNameGender(entity.name.split(/\s+/)[0] ?? '') ?? 'unknown';
}

/** A story entity as a turn keeps it. */
export function entityRef(entity: KnownEntity): EntityRef {
  return { id: entity.id, name: entity.name, kind: entity.kind, gender: entityGender(entity) };
}

/**
 * The story's people, organisations and groups a text names, in the order it names them.
 * @example entitiesNamedIn('Ms Smith met the Acme board', index) → [Joan Smith, Acme]
 */
export function entitiesNamedIn(text: string, index: QuestionIndex): EntityRef[] {
  const found: EntityRef[] = [];
  for (const concept of parseQuestion(text, index).concepts) {
    const entity = concept.entity;
    if (entity && entity.kind !== 'place' && !found.some((ref) => ref.id === entity.id)) found.push(entityRef(entity));
  }
  return found;
}

/** The story entity a canonical name names, if one does. */
export function entityByName(name: string, index: QuestionIndex): KnownEntity | undefined {
  return index.byName(foldForLookup(name))[0];
}
