import type { Element } from '../model/element.js';
import type { ModelFileContents } from './model-drafts.js';
import type { ModelFileRead } from './model-file-cache.js';

// The layout of a packed model file read: written by PackedReadBuilder (in workers, and for the cache),
// read back by unpackModelFileRead (pack-model-file-read.ts).

/**
 * A {@link ModelFileRead} laid out for a worker thread to post: positions as numbers, the relations
 * in columns over one table of distinct strings. Posting the drafts as objects costs the main thread
 * more to take in (every key of every position and relation is a string to read back, every id a
 * new copy) than rebuilding them from this; and the ids come back shared, not copied.
 */
export type PackedModelFileRead = {
  readonly file: string;
  readonly diagnostics: ModelFileRead['diagnostics'];
  readonly read?: PackedContents;
};

/** The contents of a packed read (see {@link PackedModelFileRead}). */
export type PackedContents = {
  readonly elements: Element[];
  /** Per element: line, column, end line, end column (see {@link POSITION_INTS}). */
  readonly elementOrigins: Int32Array;
  readonly strings: string[];
  /** Per relation, {@link RELATION_INTS} numbers: see {@link RELATION_INTS}. */
  readonly relations: Int32Array;
  /** The attribute maps that are not empty, and the positions of relation ends, by index from `relations`. */
  readonly extras: unknown[];
  readonly brokenIds: string[];
  readonly diagnostics: ModelFileContents['diagnostics'];
};

/** The number for "none" in the columns: no string, no extra, no end position. */
export const NONE = -1;
/** Numbers per position: line, column, end line, end column. */
export const POSITION_INTS = 4;
/** Numbers per relation: type, source, target, writtenBy, writtenAs, attributes, endOrigins, then the origin's 4. */
export const RELATION_INTS = 7 + POSITION_INTS;
