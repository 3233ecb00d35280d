import { InvalidArgumentError } from '@tracery/core';
import type { SessionConfig } from 'neo4j-driver';
import { checkName, escapeName } from '../cypher/cypher-name.js';

/** Which part of which database a call works on. */
export type GraphScopeOptions = {
  /**
   * The label every element node carries; default `Element`. Another label keeps several models
   * apart in one database (Neo4j Community has only one), since every query is limited to it.
   */
  readonly elementLabel?: string;
  /** The database to use; default the server's default database. */
  readonly database?: string;
};

/** A resolved scope: the element label, checked and quoted for Cypher, and the session settings. */
export type GraphScope = {
  readonly label: string;
  readonly quotedLabel: string;
  readonly session: SessionConfig;
};

/** The label used when none is given. */
export const DEFAULT_ELEMENT_LABEL = 'Element';

/**
 * The label of the one node per element label on which a `diff` export records the model it
 * finished writing. It is never an element label, so reads, hashes and prunes of a model never see it.
 */
export const EXPORT_RECORD_LABEL = '__TraceryExport';

/** Checks scope options and resolves them. */
export function resolveScope(options: GraphScopeOptions, mode: 'READ' | 'WRITE'): GraphScope {
  const label = checkName(options.elementLabel ?? DEFAULT_ELEMENT_LABEL, 'label', 'options.elementLabel');
  if (label === EXPORT_RECORD_LABEL) {
    throw new InvalidArgumentError(
      `options.elementLabel: "${EXPORT_RECORD_LABEL}" is the label of Tracery's export records; choose another.`,
    );
  }
  const session: SessionConfig = { defaultAccessMode: mode };
  if (options.database !== undefined) session.database = options.database;
  return { label, quotedLabel: escapeName(label, 'label'), session };
}
