import type { z } from 'zod';
import type { Diagnostic, SourceRef } from '../diagnostics/diagnostic.js';
import type { AttributeValue, Element } from '../model/element.js';
import type { IdRule } from './id-safety.js';

/** An element read from a file, before references are resolved. */
export type ElementDraft = { readonly element: Element; readonly origin: SourceRef };

/** A relation read from a file, before its ends are resolved; `origin` points at the written reference. */
export type RelationDraft = {
  readonly type: string;
  readonly source: string;
  readonly target: string;
  readonly attributes: Readonly<Record<string, AttributeValue>>;
  readonly origin: SourceRef;
  /** The element that wrote the relation inline, if it was written inline. */
  readonly writtenBy?: string;
  /** The relation name as written (`sentBy`), for messages that echo the file. */
  readonly writtenAs?: string;
  /** Where each end's id was written, when the relation came from a `relations:` row. */
  readonly endOrigins?: { readonly source: SourceRef; readonly target: SourceRef };
};

/** What one model file holds. `brokenIds` are ids of elements too broken to load, so references to them are not reported twice. */
export type ModelFileContents = {
  readonly elements: ElementDraft[];
  readonly relations: RelationDraft[];
  readonly brokenIds: string[];
  readonly diagnostics: Diagnostic[];
};

/**
 * Per-kind zod schemas, built once per load, and the names a broken config declared (their uses are
 * not reported again).
 */
export type SchemaCache = {
  readonly kinds: Map<string, z.ZodObject>;
  row?: z.ZodType;
  tolerated?: ReadonlySet<string>;
  /** The repository's id rule (`ids:` in tracery.yaml); the default when unset. */
  ids?: IdRule;
};
