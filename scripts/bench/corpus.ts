/**
 * Bench corpora: real articles replicated with variations (numbers shifted and a name
 * changed per copy, so every copy hashes differently and analysis sees new text), or
 * generated articles where no real corpus is at hand.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeText } from '../../src/ingest/decode.ts';

/** The text of every .txt/.md article under `dir`, in path order, or null when `dir` is absent. */
export function loadArticles(dir: string): string[] | null {
  try {
    if (!statSync(dir).isDirectory()) return null;
  } catch {
    return null;
  }
  const texts: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(txt|md)$/i.test(entry.name) && !/^readme/i.test(entry.name)) texts.push(decodeText(readFileSync(path)).text);
    }
  };
  walk(dir);
  return texts;
}

const SYLLABLES = ['ka', 'lo', 'ven', 'dra', 'mi', 'sor', 'tel', 'an', 'bru', 'qui', 'nes', 'hal', 'por', 'et', 'vin', 'ru'];

/** A made-up surname, different for each copy number: 1 → "Lokavenson". */
export function inventedName(copy: number): string {
  let n = copy;
  let name = '';
  do {
    name += SYLLABLES[n % SYLLABLES.length];
    n = Math.floor(n / SYLLABLES.length);
  } while (n > 0);
  return `${name[0]!.toUpperCase()}${name.slice(1)}son`;
}

/**
 * Copy `copy` of an article: copy 0 is the original; later copies shift every number by the
 * copy number and replace the most repeated capitalised word inside sentences (usually a
 * person or company) with an invented name.
 */
export function vary(text: string, copy: number): string {
  if (copy === 0) return text;
  const counts = new Map<string, number>();
  for (const match of text.matchAll(/(?<=[a-z,] )[A-Z][a-z]{3,}/g)) counts.set(match[0], (counts.get(match[0]) ?? 0) + 1);
  const name = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  let varied = text.replace(/\d+/g, (digits) => String(Number(digits) + copy));
  if (name) varied = varied.replace(new RegExp(`\\b${name}\\b`, 'g'), inventedName(copy));
  return varied === text ? `${text}\n\n(Copy ${copy}.)` : varied;
}

const PEOPLE = ['Maria Lindqvist', 'Tomas Okafor', 'Helen Marsh', 'Ravi Sundaram', 'Claire Dubois', 'Peter Novak'];
const ROLES = ['chief executive', 'finance minister', 'spokeswoman', 'union leader', 'analyst'];
const TOPICS = ['the merger', 'the new tax', 'the strike', 'the election', 'the trade deal', 'interest rates'];

/** A plausible news article with quotations, generated from `seed` (no real text needed). */
export function generatedArticle(seed: number): string {
  const pick = <T>(list: readonly T[], salt: number): T => list[(seed * 7 + salt * 13) % list.length]!;
  const person = pick(PEOPLE, 1);
  const surname = person.split(' ')[1]!;
  const other = pick(PEOPLE, 2);
  const topic = pick(TOPICS, 3);
  const paragraphs = [
    `Talks on ${topic} resume after ${(seed % 9) + 2} days of delay`,
    `Negotiators returned to the table on Monday after ${(seed % 9) + 2} days of delay over ${topic}, officials said.`,
    `"We have made real progress, but there is more to do," said ${person}, the ${pick(ROLES, 4)}.`,
    `${other}, who has criticised ${topic} since ${1990 + (seed % 30)}, said the plan would cost £${(seed % 50) + 1}.${seed % 10}bn.`,
    `"Nobody should be surprised by this," ${other.split(' ')[1]} told reporters. "The figures were clear from the start."`,
    `Mr ${surname} said a decision was expected within ${(seed % 6) + 2} weeks. He added that the firm would "listen carefully".`,
    `Shares in the company rose ${seed % 7}.${seed % 10}% in early trading.`,
  ];
  return paragraphs.join('\n\n');
}

/**
 * Writes `size` articles into `outDir` (folders of 1,000 files) and says where they came from.
 */
export function writeCorpus(size: number, source: readonly string[] | null, outDir: string): void {
  for (let i = 0; i < size; i++) {
    const text = source && source.length > 0 ? vary(source[i % source.length]!, Math.floor(i / source.length)) : generatedArticle(i);
    const folder = join(outDir, String(Math.floor(i / 1000)).padStart(3, '0'));
    if (i % 1000 === 0) mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `${String(i).padStart(6, '0')}.txt`), text);
  }
}

/** An article of the corpus's first folder made new: a sentence naming an invented person, so it is no duplicate. */
export function newArticle(corpusDir: string, round: number): string {
  const folder = readdirSync(corpusDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()[0]!;
  const file = readdirSync(join(corpusDir, folder)).sort()[round]!;
  const text = readFileSync(join(corpusDir, folder, file), 'utf8');
  return text.replace(/\.\s/, `. Officials said round ${round + 1} of the talks was chaired by Odile Verhaegen${round + 1}. `);
}
