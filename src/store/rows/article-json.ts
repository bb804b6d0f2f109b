/**
 * An article's blocks and entity mentions as both engines store them: spans of the clean text
 * kept once, in the article's text column. A block or mention is stored as a tuple of its
 * fields without its text (`["paragraph", 3, 0, 147]`), and its text is sliced back from the
 * article's text when read. Where a span's text is not that slice (never seen, but nothing
 * upstream promises it), the text is kept as the tuple's last field, so nothing is lost.
 *
 * Rows written before this format hold arrays of objects with their text; both are read.
 * At 100,000 BBC articles the two columns went from 440 MB to about a fifth of that, and
 * mentions from 51 MB to about half that in the flat form (see encodeMentions).
 */
import type { Block, BlockKind, Mention } from '../../core/article.ts';

type BlockTuple = [kind: BlockKind, line: number, start: number, end: number, text?: string];
type MentionTuple = [entity: string, sentence: number, start: number, end: number, text?: string];

/** Blocks as stored: tuples, each without its text when the text is the slice of its span. */
export function encodeBlocks(blocks: readonly Block[], text: string): string {
  return JSON.stringify(
    blocks.map((b): BlockTuple => (text.slice(b.start, b.end) === b.text ? [b.kind, b.line, b.start, b.end] : [b.kind, b.line, b.start, b.end, b.text])),
  );
}

/** An entity key as the analysis makes them (`e12`), and its number. */
const ENTITY_KEY = /^e(0|[1-9]\d*)$/;

/**
 * Mentions as stored. Where every mention is the slice of its span and names its entity by a
 * key of the form `e12`, as analysis makes them: one flat list of numbers, four per mention, each
 * but the entity's relative to the mention before (`[2,0,21,2, 3,0,15,10]`: entity e2, sentence 0,
 * characters 21-23, then e3, sentence 0, 36-46), half the size of tuples. Otherwise tuples, each
 * without its text when the text is the slice of its span.
 */
export function encodeMentions(mentions: readonly Mention[], text: string): string {
  if (mentions.every((m) => ENTITY_KEY.test(m.entity) && text.slice(m.start, m.end) === m.text)) return JSON.stringify(flatMentions(mentions));
  return JSON.stringify(
    mentions.map(
      (m): MentionTuple => (text.slice(m.start, m.end) === m.text ? [m.entity, m.sentence, m.start, m.end] : [m.entity, m.sentence, m.start, m.end, m.text]),
    ),
  );
}

function flatMentions(mentions: readonly Pick<Mention, 'entity' | 'sentence' | 'start' | 'end'>[]): number[] {
  const flat: number[] = [];
  let sentence = 0;
  let start = 0;
  for (const m of mentions) {
    flat.push(Number(m.entity.slice(1)), m.sentence - sentence, m.start - start, m.end - m.start);
    sentence = m.sentence;
    start = m.start;
  }
  return flat;
}

/**
 * Stored mentions in the flat form where the stored tuples allow it (each without its text,
 * each key `e12`); null where they do not. Converts rows written before the flat form.
 */
export function flattenStoredMentions(json: string): string | null {
  const stored = JSON.parse(json) as unknown[];
  if (stored.length === 0 || !stored.every((m) => Array.isArray(m) && m.length === 4 && ENTITY_KEY.test(String(m[0])))) return null;
  const tuples = stored as MentionTuple[];
  return JSON.stringify(flatMentions(tuples.map(([entity, sentence, start, end]) => ({ entity, sentence, start, end }))));
}

/** Stored blocks back as blocks, in either stored form. */
export function decodeBlocks(json: string, text: string): Block[] {
  const stored = JSON.parse(json) as (BlockTuple | Block)[];
  return stored.map((b) => {
    if (!Array.isArray(b)) return b;
    const [kind, line, start, end, kept] = b;
    return { kind, text: kept ?? text.slice(start, end), line, start, end };
  });
}

/** Stored mentions back as mentions, in any stored form. */
export function decodeMentions(json: string, text: string): Mention[] {
  const stored = JSON.parse(json) as (MentionTuple | Mention)[] | number[];
  if (typeof stored[0] === 'number') {
    const flat = stored as number[];
    const mentions: Mention[] = [];
    let sentence = 0;
    let start = 0;
    for (let i = 0; i + 3 < flat.length; i += 4) {
      sentence += flat[i + 1] as number;
      start += flat[i + 2] as number;
      const end = start + (flat[i + 3] as number);
      mentions.push({ entity: `e${flat[i]}`, sentence, start, end, text: text.slice(start, end) });
    }
    return mentions;
  }
  return (stored as (MentionTuple | Mention)[]).map((m) => {
    if (!Array.isArray(m)) return m;
    const [entity, sentence, start, end, kept] = m;
    return { entity, sentence, start, end, text: kept ?? text.slice(start, end) };
  });
}
