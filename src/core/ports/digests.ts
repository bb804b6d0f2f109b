/**
 * The port through which the `digest` command manages subscriptions and previews (issue 5).
 * Its shape is defined by the digest scheduler; absent, `digest` says this process does not
 * schedule digests.
 */
export interface DigestService {}
