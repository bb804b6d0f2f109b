/**
 * The few DOM shapes extraction reads, and the one parser that builds them (linkedom). The
 * project compiles without the browser's type library, so these say what we rely on; linkedom's
 * nodes have all of it. Parsing builds a tree and nothing more: linkedom runs no script and
 * loads no stylesheet, image or frame, so a page is data from end to end.
 */
import { parseHTML } from 'linkedom';

export interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<DomNode>;
  readonly parentNode: DomNode | null;
}

export interface DomElement extends DomNode {
  readonly tagName: string;
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  remove(): void;
}

export interface DomDocument {
  readonly documentElement: DomElement | null;
  readonly body: DomElement | null;
  readonly head: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

/**
 * A document tree of `html`, never executed.
 *
 * @example parseHtml('<p>Hi <b>there</b></p>').querySelector('p')?.textContent === 'Hi there'
 */
export function parseHtml(html: string): DomDocument {
  // linkedom wants a whole document: a fragment ("<p>…</p>") gets a body to live in.
  const whole = /<html[\s>]/i.test(html) ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
  return parseHTML(whole).document as unknown as DomDocument;
}

export function isElement(node: DomNode): node is DomElement {
  return node.nodeType === ELEMENT_NODE;
}
