// bpmn-moddle ships no types; @tracery/bpmn keeps the declaration of what is used, here too.
/// <reference path="../../../bpmn/src/bpmn-moddle.d.ts" />
import { BpmnModdle, type ModdleObject } from 'bpmn-moddle';
import type { DiagramSpec, NodeSpec, NodeType } from './diagram-spec.js';
import { drawDiagram } from './draw-diagram.js';

/** The namespace of Tracery's BPMN attributes (`tracery:id`, `tracery:interface`). */
const TRACERY_NAMESPACE = 'https://tracery.dev/bpmn';

/** The BPMN elements built for a spec, by spec key, for the drawing to refer to. */
export type BuiltDiagram = {
  readonly moddle: BpmnModdle;
  readonly spec: DiagramSpec;
  readonly collaboration: ModdleObject;
  readonly pool: ModdleObject;
  readonly lanes: ReadonlyMap<string, ModdleObject>;
  readonly nodes: ReadonlyMap<string, ModdleObject>;
  readonly data: ReadonlyMap<string, ModdleObject>;
  readonly externals: ReadonlyMap<string, ModdleObject>;
  readonly sequenceFlows: readonly (readonly [ModdleObject, string, string])[];
  readonly messageFlows: readonly (readonly [ModdleObject, string, string])[];
  readonly associations: readonly (readonly [ModdleObject, string, string])[];
};

const ID_PREFIX: Readonly<Record<NodeType, string>> = {
  StartEvent: 'Event',
  EndEvent: 'Event',
  Task: 'Activity',
  SendTask: 'Activity',
  ReceiveTask: 'Activity',
  CallActivity: 'Activity',
  ExclusiveGateway: 'Gateway',
  ParallelGateway: 'Gateway',
};

/**
 * Writes a diagram spec as BPMN 2.0 XML with bpmn-moddle: a collaboration with the process pool and its
 * lanes (`tracery:id` naming the Service or Role), black-box pools for the other parties, tasks and events
 * joined to hand-written steps by `tracery:id`, message flows whose names and messages carry the
 * interface id, data object references for DataEntities, and the DI a modelling tool needs to open it.
 */
export async function diagramXml(spec: DiagramSpec): Promise<string> {
  const moddle = new BpmnModdle();
  const create = (type: string, properties: Record<string, unknown>, attrs: Record<string, string> = {}) => {
    const element = moddle.create(type, properties);
    Object.assign(element.$attrs, attrs);
    return element;
  };
  const built = buildSemantics(spec, moddle, create);
  const definitions = create(
    'bpmn:Definitions',
    {
      id: `Definitions_${spec.processId}`,
      targetNamespace: 'https://tracery.dev/examples/mhhs',
      exporter: '@tracery/examples',
      exporterVersion: '0.1.0',
      rootElements: [built.collaboration, ...messagesOf(built), built.pool.processRef],
      diagrams: [drawDiagram(built)],
    },
    { 'xmlns:tracery': TRACERY_NAMESPACE },
  );
  const { xml } = await moddle.toXML(definitions, { format: true });
  return `${xml}\n`;
}

type Create = (
  type: string,
  properties: Record<string, unknown>,
  attrs?: Record<string, string>,
) => ModdleObject;

function buildSemantics(spec: DiagramSpec, moddle: BpmnModdle, create: Create): BuiltDiagram {
  const nodes = new Map(spec.nodes.map((node) => [node.key, createNode(node, create)] as const));
  const { data, dataObjects } = createData(spec, create);
  const sequenceFlows = createSequenceFlows(spec, nodes, create);
  const associations = associate(spec, nodes, data, create);
  const lanes = new Map(
    spec.lanes.map((lane) => {
      const refs = spec.nodes.filter((n) => n.lane === lane.key).map((n) => nodes.get(n.key));
      const properties = { id: `Lane_${lane.key}`, name: lane.name, flowNodeRef: refs };
      return [lane.key, create('bpmn:Lane', properties, { 'tracery:id': lane.performer })] as const;
    }),
  );
  const flowElements = [
    ...nodes.values(),
    ...sequenceFlows.map(([f]) => f),
    ...dataObjects,
    ...data.values(),
  ];
  const process = create(
    'bpmn:Process',
    {
      id: `Process_${spec.processId}`,
      isExecutable: false,
      documentation: [create('bpmn:Documentation', { text: spec.documentation })],
      laneSets: [create('bpmn:LaneSet', { id: `LaneSet_${spec.processId}`, lanes: [...lanes.values()] })],
      flowElements,
    },
    { 'tracery:id': spec.processId },
  );
  const pool = create('bpmn:Participant', {
    id: `Participant_${spec.processId}`,
    name: `${spec.processId} ${spec.name}`,
    processRef: process,
  });
  const externals = new Map(
    spec.externals.map((e) => {
      const properties = { id: `Participant_${e.key}`, name: e.name };
      return [e.key, create('bpmn:Participant', properties, { 'tracery:id': e.performer })] as const;
    }),
  );
  const collaboration = create('bpmn:Collaboration', {
    id: `Collaboration_${spec.processId}`,
    participants: [pool, ...externals.values()],
    messageFlows: [],
  });
  const messageFlows = createMessageFlows(spec, { nodes, externals, collaboration }, create);
  const parts = { collaboration, pool, lanes, nodes, data, externals };
  return { moddle, spec, ...parts, sequenceFlows, messageFlows, associations };
}

/** A data object and a reference to it, naming its DataEntity with `tracery:id`, for each data spec. */
function createData(
  spec: DiagramSpec,
  create: Create,
): { data: Map<string, ModdleObject>; dataObjects: ModdleObject[] } {
  const dataObjects: ModdleObject[] = [];
  const data = new Map<string, ModdleObject>();
  for (const d of spec.data) {
    const object = create('bpmn:DataObject', { id: `DataObject_${d.key}` });
    dataObjects.push(object);
    const properties = { id: `DataObjectReference_${d.key}`, name: d.name, dataObjectRef: object };
    data.set(d.key, create('bpmn:DataObjectReference', properties, { 'tracery:id': d.entity }));
  }
  return { data, dataObjects };
}

function createSequenceFlows(
  spec: DiagramSpec,
  nodes: ReadonlyMap<string, ModdleObject>,
  create: Create,
): (readonly [ModdleObject, string, string])[] {
  return spec.flows.map(([from, to], i) => {
    const source = nodes.get(from);
    const target = nodes.get(to);
    if (!source || !target) throw new Error(`${spec.file}: flow ${from} -> ${to} names an unknown node`);
    const flow = create('bpmn:SequenceFlow', { id: `Flow_${i + 1}`, sourceRef: source, targetRef: target });
    (source.outgoing as ModdleObject[]).push(flow);
    (target.incoming as ModdleObject[]).push(flow);
    return [flow, from, to] as const;
  });
}

function createNode(node: NodeSpec, create: Create): ModdleObject {
  const properties: Record<string, unknown> = {
    id: `${ID_PREFIX[node.type]}_${node.key}`,
    incoming: [],
    outgoing: [],
    ...(node.name === undefined ? {} : { name: node.name }),
  };
  return create(`bpmn:${node.type}`, properties, node.step === undefined ? {} : { 'tracery:id': node.step });
}

/** Data associations: an output association for what a node writes, an input association for what it reads. */
function associate(
  spec: DiagramSpec,
  nodes: ReadonlyMap<string, ModdleObject>,
  data: ReadonlyMap<string, ModdleObject>,
  create: Create,
): (readonly [ModdleObject, string, string])[] {
  const found: (readonly [ModdleObject, string, string])[] = [];
  for (const node of spec.nodes) {
    const element = nodes.get(node.key) as ModdleObject;
    for (const key of node.writes ?? []) {
      const association = create('bpmn:DataOutputAssociation', {
        id: `DataOutputAssociation_${node.key}_${key}`,
        targetRef: data.get(key),
      });
      element.dataOutputAssociations = [
        ...((element.dataOutputAssociations as ModdleObject[]) ?? []),
        association,
      ];
      found.push([association, node.key, key]);
    }
    for (const key of node.reads ?? []) {
      const placeholder = create('bpmn:Property', {
        id: `Property_${node.key}_${key}`,
        name: '__targetRef_placeholder',
      });
      const association = create('bpmn:DataInputAssociation', {
        id: `DataInputAssociation_${node.key}_${key}`,
        sourceRef: [data.get(key)],
        targetRef: placeholder,
      });
      element.properties = [...((element.properties as ModdleObject[]) ?? []), placeholder];
      element.dataInputAssociations = [
        ...((element.dataInputAssociations as ModdleObject[]) ?? []),
        association,
      ];
      found.push([association, key, node.key]);
    }
  }
  return found;
}

function createMessageFlows(
  spec: DiagramSpec,
  parts: {
    readonly nodes: ReadonlyMap<string, ModdleObject>;
    readonly externals: ReadonlyMap<string, ModdleObject>;
    readonly collaboration: ModdleObject;
  },
  create: Create,
): (readonly [ModdleObject, string, string])[] {
  const messages = new Map<string, ModdleObject>();
  const end = (key: string) => parts.nodes.get(key) ?? parts.externals.get(key);
  return spec.messages.map((m, i) => {
    const label = `${m.interfaceId} ${m.name}`;
    let message = messages.get(m.interfaceId);
    if (!message) {
      message = create(
        'bpmn:Message',
        { id: `Message_${m.interfaceId}`, name: label },
        { 'tracery:interface': m.interfaceId },
      );
      messages.set(m.interfaceId, message);
    }
    const flow = create('bpmn:MessageFlow', {
      id: `MessageFlow_${i + 1}`,
      name: label,
      sourceRef: end(m.from),
      targetRef: end(m.to),
      messageRef: message,
    });
    (parts.collaboration.messageFlows as ModdleObject[]).push(flow);
    return [flow, m.from, m.to] as const;
  });
}

function messagesOf(built: BuiltDiagram): ModdleObject[] {
  const seen = new Set<ModdleObject>();
  for (const [flow] of built.messageFlows) seen.add(flow.messageRef as ModdleObject);
  return [...seen];
}
