/**
 * One reply model for every surface. A command returns a `Reply`; renderers turn it into
 * terminal text, Markdown, JSON, Slack blocks or Discord embeds, each splitting by its
 * platform's limits. Nothing here knows about a platform.
 */

/** Where a claim comes from: one stored sentence or quotation of one article. */
export interface Citation {
  /** 1-based number shown in the text as [n]. */
  readonly n: number;
  readonly article: string;
  readonly outlet: string | null;
  readonly title: string;
  readonly published: string | null;
  readonly url: string | null;
  /** The cited sentence or quotation, verbatim from the stored article (the first, when several are). */
  readonly text: string;
  /** Sentence index in the article, when the citation is a sentence. */
  readonly sentence?: number;
  /**
   * Every sentence or quotation of the article the reply cites under this number, verbatim,
   * `text` first: a reply numbers each article once, however many of its sentences it uses.
   */
  readonly texts?: readonly string[];
}

/**
 * An earlier report that a part's sentence updates: the same thing said with other figures
 * ("The earthquake killed 12 people" before "… killed 45 people"). Both are shown, each with
 * its sources.
 */
export interface EarlierReport {
  readonly text: string;
  readonly cites: readonly number[];
  /** The figures that changed, earlier to later: "12 → 45". */
  readonly change: string;
}

/** A sentence or point of the answer, with the citations that support it. */
export interface TextPart {
  readonly kind: 'text';
  readonly text: string;
  readonly cites: readonly number[];
  /** The earlier report this sentence updates, when the coverage has one. */
  readonly earlier?: EarlierReport;
}

export interface HeadingPart {
  readonly kind: 'heading';
  readonly text: string;
}

/** A quotation with who said it, where and when. */
export interface QuotePart {
  readonly kind: 'quote';
  readonly text: string;
  readonly speaker: string | null;
  readonly role: string | null;
  readonly cites: readonly number[];
  /** How other outlets' wording of the same quotation differs, if it does. */
  readonly variants?: readonly {
    readonly text: string;
    readonly cites: readonly number[];
    /** What this wording changes: "Cuts “as has been recently exposed” (marked …); “government” for “state”". */
    readonly differs?: string;
  }[];
}

/** A label and value: "Outlet: Daily Courier", "Published: unknown". */
export interface FieldPart {
  readonly kind: 'field';
  readonly label: string;
  readonly value: string;
}

/** Plain lines with no citation: help text, lists of articles, a cleaned article shown whole. */
export interface LinesPart {
  readonly kind: 'lines';
  readonly lines: readonly string[];
}

export type ReplyPart = TextPart | HeadingPart | QuotePart | FieldPart | LinesPart;

/** What `--json` prints for a command with no contract of its own: any JSON object. */
export type ReplyData = Readonly<Record<string, unknown>>;

/**
 * A command's answer. `D` is the shape of its `--json` contract (`Reply<BriefJson>` for
 * `brief`), so code that reads `data` needs no cast; a contract type is declared with `type`,
 * not `interface`, so it also fits the plain `Reply` that renderers and adapters take.
 */
export interface Reply<D = ReplyData> {
  readonly title?: string;
  readonly parts: readonly ReplyPart[];
  readonly citations: readonly Citation[];
  /** A short note for the reader: "Nothing on that in the indexed coverage." */
  readonly notice?: string;
  /** Which writer produced the text. */
  readonly mode?: 'extractive' | 'llm';
  /** Shown only to the person who asked, where the platform can. */
  readonly ephemeral?: boolean;
  /**
   * The machine-readable answer for `--json`, in the command's documented contract
   * (`{"articles": […]}`, `{"quotes": […]}`, `{"text", "citations"}` …).
   */
  readonly data?: D;
}
