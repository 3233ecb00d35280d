import { AttributeValueSchema } from '@tracery/core/schemas';
import { z } from 'zod';

/** What a flow node of one BPMN type becomes: an element of `kind` with fixed attributes. */
export const StepRuleSchema = z.object({
  kind: z.string().min(1),
  attributes: z.record(z.string(), AttributeValueSchema),
});
export type StepRule = z.infer<typeof StepRuleSchema>;

/**
 * The mapping from BPMN to the model, as data: which flow node types become steps (and which are
 * collapsed, like gateways), which kinds and relation types the import uses, and the id patterns
 * it looks for in names. Extend {@link DEFAULT_BPMN_MAPPING} by spreading it.
 */
export const BpmnMappingSchema = z.object({
  /** By bpmn-moddle type (`bpmn:UserTask`): a step rule, or `collapse` to let sequence flows pass through. */
  flowNodes: z.record(z.string().regex(/^\w+:\w+$/), z.union([StepRuleSchema, z.literal('collapse')])),
  kinds: z.object({
    businessProcess: z.string().min(1),
    interface: z.string().min(1),
    requirement: z.string().min(1),
    /** The kinds a lane or pool may match, in order of preference. */
    performers: z.array(z.string().min(1)).min(1),
    /** The kinds a data object or data store may match, in order of preference. */
    data: z.array(z.string().min(1)).min(1),
  }),
  relations: z.object({
    partOf: z.string().min(1),
    performs: z.string().min(1),
    flowsTo: z.string().min(1),
    sends: z.string().min(1),
    receives: z.string().min(1),
    uses: z.string().min(1),
    satisfies: z.string().min(1),
  }),
  /** Regular expressions (source text) for ids written in names; matched as whole words. */
  patterns: z.object({ businessProcessId: z.string().min(1), interfaceId: z.string().min(1) }),
  /** Joins the business process id and the BPMN id into a step id: `BP004.Activity_1`. */
  stepIdSeparator: z.string().min(1),
});
export type BpmnMapping = z.infer<typeof BpmnMappingSchema>;

const task = { kind: 'ProcessStep', attributes: { stepType: 'task' } };
const event = { kind: 'ProcessStep', attributes: { stepType: 'event' } };
const subProcess = { kind: 'ProcessStep', attributes: { stepType: 'sub-process' } };

/**
 * The default mapping, for the default metamodel: activities and events become `ProcessStep`s,
 * gateways are collapsed, `BP004`-style ids name processes and `IF-021`-style ids name interfaces.
 *
 * @example
 * const mapping = { ...DEFAULT_BPMN_MAPPING, flowNodes: { ...DEFAULT_BPMN_MAPPING.flowNodes, 'bpmn:BoundaryEvent': 'collapse' } };
 */
export const DEFAULT_BPMN_MAPPING: BpmnMapping = {
  flowNodes: {
    'bpmn:Task': task,
    'bpmn:UserTask': task,
    'bpmn:ServiceTask': task,
    'bpmn:SendTask': task,
    'bpmn:ReceiveTask': task,
    'bpmn:ManualTask': task,
    'bpmn:BusinessRuleTask': task,
    'bpmn:ScriptTask': task,
    'bpmn:SubProcess': subProcess,
    'bpmn:AdHocSubProcess': subProcess,
    'bpmn:Transaction': subProcess,
    'bpmn:CallActivity': { kind: 'ProcessStep', attributes: { stepType: 'call-activity' } },
    'bpmn:StartEvent': event,
    'bpmn:EndEvent': event,
    'bpmn:IntermediateCatchEvent': event,
    'bpmn:IntermediateThrowEvent': event,
    'bpmn:BoundaryEvent': event,
    'bpmn:ExclusiveGateway': 'collapse',
    'bpmn:InclusiveGateway': 'collapse',
    'bpmn:ParallelGateway': 'collapse',
    'bpmn:ComplexGateway': 'collapse',
    'bpmn:EventBasedGateway': 'collapse',
  },
  kinds: {
    businessProcess: 'BusinessProcess',
    interface: 'Interface',
    requirement: 'Requirement',
    performers: ['Service', 'Role'],
    data: ['DataEntity'],
  },
  relations: {
    partOf: 'partOf',
    performs: 'performs',
    flowsTo: 'flowsTo',
    sends: 'sends',
    receives: 'receives',
    uses: 'uses',
    satisfies: 'satisfies',
  },
  patterns: { businessProcessId: 'BP\\d{3,}[A-Za-z]?', interfaceId: 'IF-\\d{3,}[A-Za-z]?' },
  stepIdSeparator: '.',
};
