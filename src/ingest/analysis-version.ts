/**
 * The version of what analysis produces. It is part of every article's fingerprint, so
 * bumping it makes the next ingest re-analyse every article, even unchanged files. Bump it
 * whenever cleaning or analysis changes what it stores.
 */
export const ANALYSIS_VERSION = 7;
