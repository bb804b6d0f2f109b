/** Limits every way in of an article shares (files, pages); a module of its own so the bot can start without the readers. */

/** Larger files are not news articles (5 MB is some 800,000 words). */
export const MAX_ARTICLE_BYTES = 5 * 1024 * 1024;
