/** The format tag written in every baseline file. */
export const BASELINE_FORMAT = 'tracery-baseline/1';

/**
 * The hash scheme baselines are written with: how an element or relation becomes the text that is
 * hashed (1: sha256 of the canonical JSON of `canonicalElement` and `canonicalRelation`).
 * It changes whenever that text changes, so a baseline is always checked with the scheme that wrote it.
 */
export const BASELINE_HASH_SCHEME = 1;
