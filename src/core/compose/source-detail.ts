/**
 * "source 2?" in a conversation: one citation of the last answer shown whole: its outlet,
 * date, title and link, the cited sentence, and the sentences either side of it, so a reader
 * can judge the claim in its place without opening the article.
 */
import type { SourceRef } from '../conversation/turns.ts';
import { UserError } from '../errors.ts';
import type { ReplyPart, Reply } from '../reply.ts';
import type { StoryView } from '../retrieve/story-view.ts';
import { CitationList } from './citations.ts';

/**
 * The reply for one source of the last answer.
 * @example composeSource({ n: 2, article: 'uk/001', sentence: 4, … }, view)
 *   → { title: 'Source 2', parts: [fields…, the sentence [1], 'Before it: …', 'After it: …'], citations: [uk/001] }
 */
export async function composeSource(source: SourceRef, view: StoryView): Promise<Reply> {
  const summary = (await view.articles()).get(source.article);
  if (!summary) throw new UserError('source-gone', `Source ${source.n} (“${source.title}”) is no longer indexed.`);
  const at = source.sentence;
  const around =
    at === null ? [] : await view.store.sentencesAt([at - 1, at, at + 1].filter((i) => i >= 0).map((sentence) => ({ article: source.article, sentence })));
  const cited = around.find((hit) => hit.sentence === at);
  const before = around.find((hit) => at !== null && hit.sentence === at - 1 && hit.kind !== 'heading');
  const after = around.find((hit) => at !== null && hit.sentence === at + 1 && hit.kind !== 'heading');
  const citations = new CitationList(view);
  const { meta } = summary;
  const parts: ReplyPart[] = [
    { kind: 'field', label: 'Outlet', value: meta.outlet ?? 'unknown' },
    { kind: 'field', label: 'Published', value: meta.published ?? 'unknown' },
    { kind: 'field', label: 'Title', value: meta.title ?? 'untitled' },
    ...(meta.url ? [{ kind: 'field' as const, label: 'Link', value: meta.url }] : []),
    { kind: 'field', label: 'Article', value: `${source.article} (brief --article ${source.article} summarises it)` },
  ];
  if (cited) parts.push({ kind: 'text', text: cited.text, cites: [await citations.add(cited)] });
  else parts.push({ kind: 'text', text: source.text, cites: [] });
  const context = [...(before ? [`Before it: ${before.text}`] : []), ...(after ? [`After it: ${after.text}`] : [])];
  if (context.length > 0) parts.push({ kind: 'lines', lines: context });
  return {
    title: `Source ${source.n}`,
    parts,
    citations: citations.all(),
    ...(cited ? {} : { notice: 'The article has changed since it was cited; this is the sentence as cited then.' }),
    data: {
      source: {
        n: source.n,
        article: source.article,
        outlet: meta.outlet,
        title: meta.title,
        published: meta.published,
        url: meta.url,
        text: cited?.text ?? source.text,
      },
      citations: citations.json(),
    },
  };
}
