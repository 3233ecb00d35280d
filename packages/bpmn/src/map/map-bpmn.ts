import {
  compareDiagnostics,
  type Diagnostic,
  defaultMetamodel,
  InvalidArgumentError,
  type Metamodel,
  type Model,
} from '@tracery/core';
import { createIdTemplateFiller } from '@tracery/core/advanced';
import { z } from 'zod';
import type { ParsedBpmn } from '../parse/parse-bpmn.js';
import { type BpmnMapping, BpmnMappingSchema, DEFAULT_BPMN_MAPPING } from './bpmn-mapping.js';
import { compileIdPattern } from './id-token.js';
import { mapDataReferences } from './map-data-references.js';
import { mapMessageFlows } from './map-message-flows.js';
import { mapPerformers } from './map-performers.js';
import { mapProcesses } from './map-processes.js';
import { mapSequenceFlows } from './map-sequence-flows.js';
import {
  assignedIds,
  type MappedElement,
  type MappedRelation,
  type MappingContext,
} from './mapping-context.js';
import { RelationTable } from './relation-table.js';

/** Options of {@link mapBpmn}. */
export type MapBpmnOptions = {
  /** The model that lanes, pools, data, interfaces and requirements are matched against. */
  readonly model?: Model;
  /** The metamodel that relations are checked against; defaults to the model's, else the default one. */
  readonly metamodel?: Metamodel;
  /** The file name for origins and diagnostics; defaults to the parsed file's. */
  readonly file?: string;
  /** The mapping table; defaults to {@link DEFAULT_BPMN_MAPPING}. */
  readonly mapping?: BpmnMapping;
  /** Create elements for what matches nothing, instead of reporting it. */
  readonly createMissing?: {
    /** The kind (one of the mapping's performer kinds) to create for an unmatched lane or pool. */
    readonly performers?: string;
    /** Create an element of the mapping's first data kind for an unmatched data object or store. */
    readonly data?: boolean;
    /** Give a process that names no business process an id from `idTemplates.businessProcess`. */
    readonly processes?: boolean;
  };
  /**
   * Id templates for what a diagram does not name: `{n}` (or `{n:2}`, at least two digits) numbers, and
   * `{process}` in a step template is its business process's id. Defaults: `BP{n:3}` and `{process}-{n:2}`.
   * A step's id falls back to the template only when `BP004.Activity_1` would break the kind's id pattern.
   */
  readonly idTemplates?: {
    readonly businessProcess?: string | undefined;
    readonly step?: string | undefined;
    /** By kind (`Role: 'ROLE-{n:2}'`), for lanes, pools and data created for what matches nothing. */
    readonly [kind: string]: string | undefined;
  };
  /** BPMN id -> model id from an earlier import, so that a re-import of an edited diagram updates it. */
  readonly previousIds?: ReadonlyMap<string, string>;
};

/** What a diagram adds to the model: elements and relations with their origins, and the problems found. */
export type BpmnMappingResult = {
  /** Sorted by id. Elements the model already holds are referred to, not repeated. */
  readonly elements: readonly MappedElement[];
  /** Sorted by source, type and target. */
  readonly relations: readonly MappedRelation[];
  readonly diagnostics: readonly Diagnostic[];
  /** BPMN id -> model id of each process and step the diagram gave an id to, sorted by BPMN id. */
  readonly ids: ReadonlyMap<string, string>;
};

/**
 * Turns a parsed BPMN diagram into elements and relations of the model, following a mapping table:
 * processes and pools become business processes, tasks and events steps, lanes and pools `performs`,
 * sequence flows `flowsTo` (gateways collapsed), message flows `sends`/`receives` of interfaces, data
 * associations `uses`, documentation descriptions, and `tracery:satisfies` `satisfies`.
 *
 * @example
 * const parsed = await parseBpmn(bytes, { file: 'bpmn/bp004.bpmn' });
 * const { elements, relations, diagnostics } = mapBpmn(parsed, { model });
 * for (const { element, origin } of elements) model.addElement(element, origin);
 */
export function mapBpmn(parsed: ParsedBpmn, options: MapBpmnOptions = {}): BpmnMappingResult {
  const context = createContext(parsed, options);
  const definitions = parsed.definitions;
  if (definitions) {
    const processes = mapProcesses(context, definitions);
    const performers = mapPerformers(context, definitions, processes);
    mapSequenceFlows(context, processes);
    mapMessageFlows(context, definitions, processes, performers);
    mapDataReferences(context, processes);
  }
  // Elements are keyed by id: sort the keys, then read the values. A sort without a comparator orders
  // strings by UTF-16 code units, as `<` does, and calls no function per comparison.
  const elements = sortedKeys(context.elements).map((id) => context.elements.get(id) as MappedElement);
  const relations = context.relations.sorted();
  const ids = assignedIds(context);
  return { elements, relations, diagnostics: context.diagnostics.sort(compareDiagnostics), ids };
}

function sortedKeys(map: ReadonlyMap<string, unknown>): string[] {
  return [...map.keys()].sort();
}

// Importing many files with one mapping should not validate it, or build the default metamodel, each time.
const checkedMappings = new WeakMap<object, BpmnMapping>();
let defaultMetamodelOnce: Metamodel | undefined;

function checkedMapping(mapping: BpmnMapping): BpmnMapping {
  if (typeof mapping === 'object' && mapping !== null) {
    const known = checkedMappings.get(mapping);
    if (known) return known;
  }
  const checked = BpmnMappingSchema.safeParse(mapping);
  if (!checked.success) throw new InvalidArgumentError(`options.mapping: ${z.prettifyError(checked.error)}`);
  if (typeof mapping === 'object' && mapping !== null) checkedMappings.set(mapping, checked.data);
  return checked.data;
}

function sharedDefaultMetamodel(): Metamodel {
  defaultMetamodelOnce ??= defaultMetamodel();
  return defaultMetamodelOnce;
}

function createContext(parsed: ParsedBpmn, options: MapBpmnOptions): MappingContext {
  if (typeof parsed !== 'object' || parsed === null || !(parsed.positions instanceof Map)) {
    throw new InvalidArgumentError('parsed: expected the result of parseBpmn.');
  }
  const mapping = checkedMapping(options.mapping ?? DEFAULT_BPMN_MAPPING);
  const metamodel = options.metamodel ?? options.model?.metamodel ?? sharedDefaultMetamodel();
  checkAgainstMetamodel(mapping, metamodel);
  const createPerformers = options.createMissing?.performers;
  if (createPerformers !== undefined && !mapping.kinds.performers.includes(createPerformers)) {
    throw new InvalidArgumentError(
      `options.createMissing.performers: "${createPerformers}" is not one of the mapping's performer kinds (${mapping.kinds.performers.join(', ')}).`,
    );
  }
  const previousIds = options.previousIds ?? new Map<string, string>();
  const earlierIds = new Set(previousIds.values());
  const elements = new Map<string, MappedElement>();
  return {
    file: options.file ?? parsed.file,
    parsed,
    model: options.model,
    metamodel,
    mapping,
    patterns: {
      businessProcessId: compileIdPattern(
        mapping.patterns.businessProcessId,
        'options.mapping.patterns.businessProcessId',
      ),
      interfaceId: compileIdPattern(mapping.patterns.interfaceId, 'options.mapping.patterns.interfaceId'),
    },
    createPerformers,
    createData: options.createMissing?.data === true,
    createProcesses: options.createMissing?.processes === true,
    idTemplates: {
      businessProcess: options.idTemplates?.businessProcess ?? 'BP{n:3}',
      step: options.idTemplates?.step ?? '{process}-{n:2}',
      kinds: Object.fromEntries(
        Object.entries(options.idTemplates ?? {}).filter(
          (entry): entry is [string, string] =>
            entry[0] !== 'businessProcess' && entry[0] !== 'step' && typeof entry[1] === 'string',
        ),
      ),
    },
    previousIds,
    assigned: { log: [], current: new Map(), first: new Map(), folded: 0 },
    fillIdTemplate: createIdTemplateFiller(
      (id) => options.model?.hasElement(id) === true || elements.has(id) || earlierIds.has(id),
    ),
    elements,
    relations: new RelationTable(),
    diagnostics: [],
  };
}

function checkAgainstMetamodel(mapping: BpmnMapping, metamodel: Metamodel): void {
  const { kinds, relations, flowNodes } = mapping;
  const stepKinds = Object.values(flowNodes).flatMap((rule) => (rule === 'collapse' ? [] : [rule.kind]));
  const usedKinds = [
    kinds.businessProcess,
    kinds.interface,
    kinds.requirement,
    ...kinds.performers,
    ...kinds.data,
    ...stepKinds,
  ];
  const unknownKinds = [...new Set(usedKinds)].filter((kind) => !metamodel.kinds.has(kind));
  if (unknownKinds.length > 0) {
    throw new InvalidArgumentError(
      `options.mapping: kinds ${unknownKinds.map((k) => `"${k}"`).join(', ')} are not in the metamodel.`,
    );
  }
  const unknownTypes = Object.values(relations).filter((type) => !metamodel.relationTypes.has(type));
  if (unknownTypes.length > 0) {
    throw new InvalidArgumentError(
      `options.mapping: relation types ${unknownTypes.map((t) => `"${t}"`).join(', ')} are not in the metamodel.`,
    );
  }
}
