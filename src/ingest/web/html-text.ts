/**
 * An article's HTML as the plain text the cleaner reads: one paragraph per block, blank lines
 * between, and the light markup the cleaner understands for what HTML says structurally —
 * `## ` before a cross-head, `- ` before a list item, and `![caption]()` for a figure's
 * caption, so the cleaner sets captions aside with their reason as it does for copied text.
 */
import { isElement, TEXT_NODE, type DomElement, type DomNode } from './dom.ts';

/** Elements that end the paragraph before them and start a new one. */
const BLOCKS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'THEAD',
  'TFOOT',
  'TR',
  'UL',
]);
/** Never text a reader sees. */
const SKIPPED = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'CANVAS',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'BUTTON',
  'SELECT',
  'INPUT',
  'TEXTAREA',
  'HEAD',
]);
const HEADINGS = /^H[1-6]$/;

interface Block {
  readonly kind: 'paragraph' | 'heading' | 'item' | 'caption';
  text: string;
}

/**
 * The text of an element's content, block by block.
 *
 * @example htmlText(<div><h2>Why now</h2><p>The council <b>voted</b>.</p><figure><img><figcaption>The hall. Photo: PA</figcaption></figure></div>)
 *   === '## Why now\n\nThe council voted.\n\n![The hall. Photo: PA]()'
 */
export function htmlText(root: DomNode): string {
  const blocks: Block[] = [];
  let current: Block | null = null;
  const open = (kind: Block['kind']): Block => {
    current = { kind, text: '' };
    blocks.push(current);
    return current;
  };
  const close = () => {
    current = null;
  };
  const walk = (node: DomNode, kind: Block['kind'], pre: boolean): void => {
    if (node.nodeType === TEXT_NODE) {
      // Line breaks in the source are white space, except in <pre>; <br> is the line break.
      const raw = node.textContent ?? '';
      const text = pre ? raw : raw.replace(/\s+/g, ' ');
      if (text.trim() === '' && current === null) return;
      (current ?? open(kind)).text += text;
      return;
    }
    if (!isElement(node)) return;
    const tag = node.tagName.toUpperCase();
    if (SKIPPED.has(tag) || isHidden(node)) return;
    if (tag === 'BR') {
      if (current !== null) (current as Block).text += '\n';
      return;
    }
    const block = BLOCKS.has(tag) || tag === 'FIGCAPTION';
    const inner: Block['kind'] = HEADINGS.test(tag) ? 'heading' : tag === 'LI' ? 'item' : tag === 'FIGCAPTION' ? 'caption' : kind;
    if (block) close();
    for (const child of Array.from(node.childNodes)) walk(child, inner, pre || tag === 'PRE');
    if (block) close();
  };
  walk(root, 'paragraph', false);
  return blocks
    .map(render)
    .filter((line) => line !== '')
    .join('\n\n');
}

function render(block: Block): string {
  const lines = block.text
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '');
  if (lines.length === 0) return '';
  const text = lines.join(block.kind === 'paragraph' ? '\n' : ' ');
  switch (block.kind) {
    case 'heading':
      return `## ${text}`;
    case 'item':
      return `- ${text}`;
    case 'caption':
      // Brackets would end the image markup early; the caption's words are what matter.
      return `![${text.replace(/[[\]]/g, (b) => (b === '[' ? '(' : ')'))}]()`;
    case 'paragraph':
      return text;
  }
}

/** Content the page hides from readers (an accessibility label, a collapsed menu). */
function isHidden(element: DomElement): boolean {
  if (element.getAttribute('hidden') !== null || element.getAttribute('aria-hidden') === 'true') return true;
  const style = element.getAttribute('style');
  return style !== null && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}
