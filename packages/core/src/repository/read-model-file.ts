import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { didYouMeanSuffix } from '../diagnostics/did-you-mean.js';
import type { Metamodel } from '../metamodel/metamodel.js';
import type { ModelFileContents, SchemaCache } from './model-drafts.js';
import type { ParsedYamlText } from './parse-yaml-file.js';
import { readElement } from './read-element.js';
import { readRelationRow } from './read-relation-row.js';
import {
  isMapNode,
  isSeqNode,
  keyNode,
  type LocatableNode,
  type MapNode,
  positionOf,
  type YamlSource,
} from './yaml-position.js';

const FILE_KEYS = ['$schema', 'elements', 'relations'];
type Record_ = Record<string, unknown>;

/** Reads the elements and relations of a parsed model file. */
export function readModelFile(
  parsed: ParsedYamlText,
  metamodel: Metamodel,
  cache: SchemaCache,
): ModelFileContents {
  const out: ModelFileContents = { elements: [], relations: [], brokenIds: [], diagnostics: [] };
  const { source, root, value } = parsed;
  if (!isMapNode(root) || value === null || typeof value !== 'object' || Array.isArray(value)) {
    out.diagnostics.push(
      shapeProblem(
        source,
        root,
        'a model file must be a map with an "elements:" list (and optionally "relations:")',
      ),
    );
    return out;
  }
  const data = value as Record_;
  for (const key of Object.keys(data)) {
    if (!FILE_KEYS.includes(key)) {
      out.diagnostics.push(
        shapeProblem(
          source,
          keyNode(root, key),
          `unknown top-level key "${key}"${didYouMeanSuffix(key, FILE_KEYS).replace(/^; (.*)\?$/, ' ($1)')}: a model file holds "elements:" and "relations:"`,
        ),
      );
    }
  }
  readList(data.elements, root.get('elements', true), 'elements', source, out, (item, node) =>
    readElement(item, node, source, metamodel, cache, out),
  );
  readList(data.relations, root.get('relations', true), 'relations', source, out, (item, node) =>
    readRelationRow(item, node, source, metamodel, cache, out),
  );
  return out;
}

function shapeProblem(source: YamlSource, node: unknown, message: string): Diagnostic {
  return {
    code: 'invalid-file-shape',
    severity: 'error',
    message: `${message}.`,
    source: positionOf(source, node as LocatableNode),
  };
}

function readList(
  value: unknown,
  node: unknown,
  key: string,
  source: YamlSource,
  out: ModelFileContents,
  read: (item: Record_, node: MapNode) => void,
): void {
  if (value === undefined || value === null) return;
  if (!Array.isArray(value) || !isSeqNode(node)) {
    out.diagnostics.push(shapeProblem(source, node, `"${key}:" must be a list`));
    return;
  }
  value.forEach((item, index) => {
    const itemNode = node.items[index];
    if (item === null || typeof item !== 'object' || Array.isArray(item) || !isMapNode(itemNode)) {
      out.diagnostics.push(shapeProblem(source, itemNode, `item ${index + 1} of "${key}:" must be a map`));
      return;
    }
    read(item as Record_, itemNode);
  });
}
