import { relative, sep } from 'node:path';
import type { Diagnostic, Model, TraceryConfig } from '@tracery/core';
import {
  type DiscoveredFiles,
  discoverFiles,
  type ElementDraft,
  type LoaderResult,
  type RelationDraft,
  type SourceLoader,
} from '@tracery/core/advanced';
import { importBpmn } from '../import-bpmn.js';
import type { MapBpmnOptions } from '../map/map-bpmn.js';
import { checkBpmnNotation } from '../rules/check-bpmn-notation.js';
import { codeVersion } from './code-version.js';
import { joinDiagram } from './join-diagram.js';
import { modelOfDrafts } from './model-of-drafts.js';
import { readDiagramFile } from './read-diagram-file.js';

/** Options of {@link bpmnSourceLoader}: the mapping table, and what to create for what matches nothing. */
export type BpmnSourceLoaderOptions = Pick<MapBpmnOptions, 'mapping' | 'createMissing'>;

type Joined = {
  readonly elements: ElementDraft[];
  readonly relations: RelationDraft[];
  readonly diagnostics: Diagnostic[];
  readonly files: string[];
};

/**
 * A source loader that makes the diagrams matched by `sources.bpmn` in tracery.yaml part of the
 * repository: each is parsed and mapped against the elements of the model files (and of the diagrams
 * before it, in path order), elements the files already hold are joined rather than repeated, relations
 * already written are merged, and a relation that contradicts what the files list (a sender of IF-021
 * they do not name) is a `bpmn-model-disagreement` warning with both positions.
 *
 * @example
 * const { model, diagnostics } = await loadRepository('packages/examples/mhhs', { loaders: [bpmnSourceLoader()] });
 */
export function bpmnSourceLoader(options: BpmnSourceLoaderOptions = {}): SourceLoader {
  return {
    name: 'bpmn',
    load: async (context) => {
      const out: Joined = { elements: [], relations: [], diagnostics: [], files: [] };
      const discovered = await diagramsOf(context.root, context.config);
      out.diagnostics.push(...discovered.diagnostics);
      if (discovered.files.length === 0) return out;
      const base = modelOfDrafts(context.metamodel, context.elements, context.relations);
      const run: Run = {
        root: context.root,
        maxBytes: context.config.limits.maxFileBytes,
        base,
        working: base.clone(),
        options,
      };
      for (const path of discovered.files) await loadDiagram(run, path, out);
      return out satisfies LoaderResult;
    },
    // What a load reads through this loader, so the whole load can be cached while none of it changes.
    // Idle when there is no diagram and nothing to say (no `sources.bpmn`, or globs that match nothing):
    // `load` then returns nothing, so the load's key is the one of a load without this loader.
    inputs: async ({ root, config }) => {
      const { files, diagnostics } = await diagramsOf(root, config);
      const idle = files.length === 0 && diagnostics.length === 0;
      return { files, version: `${codeVersion()} ${JSON.stringify([options, diagnostics])}`, idle };
    },
  };
}

/** The diagram files `sources.bpmn` matches, and the links outside the repository it would follow. */
async function diagramsOf(root: string, config: TraceryConfig): Promise<DiscoveredFiles> {
  const globs = config.sources.bpmn ?? [];
  return globs.length === 0 ? { files: [], diagnostics: [] } : discoverFiles(root, globs);
}

type Run = {
  readonly root: string;
  readonly maxBytes: number;
  /** The model of the model files, which diagrams may not contradict. */
  readonly base: Model;
  /** The model files and the diagrams so far, which each diagram is matched against and joins. */
  readonly working: Model;
  readonly options: BpmnSourceLoaderOptions;
};

async function loadDiagram(run: Run, path: string, out: Joined): Promise<void> {
  const file = relative(run.root, path).split(sep).join('/');
  out.files.push(file);
  const read = await readDiagramFile(path, file, run.maxBytes);
  if ('diagnostic' in read) {
    out.diagnostics.push(read.diagnostic);
    return;
  }
  const { working, base, options } = run;
  const imported = await importBpmn(read.bytes, { ...options, file, model: working });
  out.diagnostics.push(...imported.diagnostics, ...checkBpmnNotation(imported.parsed));
  const joined = joinDiagram(imported, {
    model: working,
    base,
    ...(options.mapping ? { mapping: options.mapping } : {}),
  });
  out.diagnostics.push(...joined.diagnostics);
  for (const { element, origin } of joined.elements) out.elements.push({ element, origin });
  for (const { relation, origin } of joined.relations) {
    const { type, source, target, attributes } = relation;
    out.relations.push({ type, source, target, attributes, origin });
  }
}
