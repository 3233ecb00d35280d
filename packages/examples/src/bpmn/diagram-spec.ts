/** The BPMN flow node types the MHHS diagrams draw, by their bpmn-moddle type name without the prefix. */
export type NodeType =
  | 'StartEvent'
  | 'EndEvent'
  | 'Task'
  | 'SendTask'
  | 'ReceiveTask'
  | 'CallActivity'
  | 'ExclusiveGateway'
  | 'ParallelGateway';

/** A lane of the process pool: a Service or Role that performs the steps drawn in it. */
export type LaneSpec = { readonly key: string; readonly name: string; readonly performer: string };

/** A flow node, in a lane and a column of the layout; `step` joins it to a hand-written ProcessStep. */
export type NodeSpec = {
  readonly key: string;
  readonly type: NodeType;
  readonly lane: string;
  readonly column: number;
  /** 0 (default) draws the node in the upper half of its lane, 1 in the lower half (where data goes). */
  readonly row?: 0 | 1;
  readonly step?: string;
  readonly name?: string;
  /** Keys of data the node reads (input associations) and writes (output associations). */
  readonly reads?: readonly string[];
  readonly writes?: readonly string[];
};

/** A data object reference for a DataEntity, drawn under a column of a lane. */
export type DataSpec = {
  readonly key: string;
  readonly entity: string;
  readonly name: string;
  readonly lane: string;
  readonly column: number;
};

/** A black-box pool for a Service or Role outside the process that sends or receives an interface. */
export type ExternalSpec = { readonly key: string; readonly name: string; readonly performer: string };

/** A message flow that carries an interface, from a node or external pool to another. */
export type MessageSpec = {
  readonly interfaceId: string;
  readonly name: string;
  readonly from: string;
  readonly to: string;
};

/** One diagram: a process pool with lanes, its nodes and flows, data, and the pools it exchanges messages with. */
export type DiagramSpec = {
  readonly file: string;
  readonly processId: string;
  readonly name: string;
  readonly documentation: string;
  readonly lanes: readonly LaneSpec[];
  readonly nodes: readonly NodeSpec[];
  /** Sequence flows, by node key. */
  readonly flows: readonly (readonly [string, string])[];
  readonly data: readonly DataSpec[];
  readonly externals: readonly ExternalSpec[];
  readonly messages: readonly MessageSpec[];
};
