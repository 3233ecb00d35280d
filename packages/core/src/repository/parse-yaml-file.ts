import { type Document, isMap, isScalar, LineCounter, type Node, parseDocument, visit } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { YAML_VERSION } from './yaml-core-schema.js';
import { positionAt, positionOf, type YamlSource } from './yaml-position.js';

/** Keys that could reach an object's prototype if a consumer ever merged the data naively. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * A YAML (or JSON) file parsed with positions: its root node (for locating values), its plain value,
 * and where it came from. Both parsers (the full `yaml` one and the fast one) give this.
 */
export type ParsedYamlText = {
  readonly source: YamlSource;
  /** The root node: a `yaml` node or a {@link SpanNode}; both answer `range`, `get(key, true)` and `items`. */
  readonly root: unknown;
  /** The plain JavaScript value, or undefined when the file could not be turned into one. */
  readonly value: unknown;
  readonly diagnostics: Diagnostic[];
};

/** A YAML (or JSON) file parsed with positions: its document, its plain value, and where it came from. */
export type ParsedYamlFile = ParsedYamlText & {
  readonly document: Document.Parsed;
  /** The plain JavaScript value, or undefined when the file could not be turned into one. */
  readonly value: unknown;
  readonly diagnostics: Diagnostic[];
};

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}

/**
 * Parses YAML or JSON text, keeping positions. Syntax errors, duplicate keys, forbidden keys
 * (`__proto__`, `constructor`, `prototype`, removed before conversion) and alias bombs come back as
 * diagnostics; it never throws for bad input.
 */
export function parseYamlFile(file: string, text: string, maxAliasCount: number): ParsedYamlFile {
  const lineCounter = new LineCounter();
  const source: YamlSource = { file, lineCounter, text };
  const document = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: false,
    strict: true,
    version: YAML_VERSION,
  });
  const diagnostics: Diagnostic[] = [];
  const version = document.directives?.yaml;
  if (version?.explicit && version.version !== YAML_VERSION) {
    diagnostics.push({
      code: 'yaml-version',
      severity: 'error',
      message: `the file asks for YAML ${version.version} (%YAML directive); Tracery reads every file as YAML ${YAML_VERSION}, where yes/no/on/off and 0b101 are text. Remove the directive and quote any value that must stay text.`,
      source: positionAt(source, Math.max(0, text.indexOf('%YAML'))),
    });
    return { source, document, root: document.contents, value: undefined, diagnostics };
  }
  for (const error of document.errors) {
    diagnostics.push({
      code: 'yaml-syntax',
      severity: 'error',
      message: `${firstLine(error.message)}; fix the YAML syntax here.`,
      source: positionAt(source, error.pos[0]),
    });
  }
  if (document.errors.length > 0)
    return { source, document, root: document.contents, value: undefined, diagnostics };
  visit(document, {
    Map(_, map) {
      const seen = new globalThis.Map<string, Node>();
      map.items = map.items.filter((pair) => {
        if (!isScalar(pair.key)) return true;
        const key = String(pair.key.value);
        const first = seen.get(key);
        if (!first) {
          seen.set(key, pair.key);
          return true;
        }
        const at = positionOf(source, first);
        diagnostics.push({
          code: 'duplicate-key',
          severity: 'error',
          message: `key "${key}" is written twice in one map (first at line ${at.line}); the first is kept, delete or rename the other.`,
          source: positionOf(source, pair.key),
          related: [{ message: `first "${key}"`, source: at }],
        });
        return false;
      });
    },
    Pair(_, pair) {
      if (isScalar(pair.key) && FORBIDDEN_KEYS.has(String(pair.key.value))) {
        diagnostics.push({
          code: 'forbidden-key',
          severity: 'error',
          message: `key "${String(pair.key.value)}" is not allowed in a design file; rename or remove it.`,
          source: positionOf(source, pair.key),
        });
        return visit.REMOVE;
      }
      return undefined;
    },
  });
  try {
    const value = document.toJS({ maxAliasCount });
    if (value === null || value === undefined) {
      diagnostics.push({
        code: 'file-empty',
        severity: 'warning',
        message: `"${file}" holds no data (only comments or an empty document); add elements to it or delete it.`,
        source: { file, line: 1, column: 1 },
      });
      return { source, document, root: document.contents, value: undefined, diagnostics };
    }
    return { source, document, root: document.contents, value, diagnostics };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const aliasBomb = /alias/i.test(message);
    diagnostics.push({
      code: aliasBomb ? 'yaml-alias-limit' : 'yaml-syntax',
      severity: 'error',
      message: aliasBomb
        ? `the file expands more than ${maxAliasCount} YAML aliases, which looks like an alias bomb; write the values out or raise limits.maxAliasCount.`
        : `${firstLine(message)}; fix the YAML here.`,
      source: positionOf(source, document.contents),
    });
    return { source, document, root: document.contents, value: undefined, diagnostics };
  }
}

/** True when the document's top level is a map. */
export function isMapDocument(document: Document.Parsed): boolean {
  return isMap(document.contents);
}
