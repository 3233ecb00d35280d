import type { KindDef, RelationTypeDef } from './metamodel-schema.js';

const DESIGN_ELEMENTS = [
  'Service',
  'BusinessProcess',
  'ProcessStep',
  'Interface',
  'DataEntity',
  'DataItem',
  'Artefact',
  'Decision',
];

/** The default element kinds for programme design. */
export const DEFAULT_KINDS: readonly KindDef[] = [
  {
    name: 'Service',
    description: 'A TOM service or central system, such as the Registration Service or the DIP.',
    attributes: {
      shortName: { type: 'string', description: 'The abbreviation used in documents (REGS, SDS, DIP).' },
      category: { type: 'enum', values: ['tom-service', 'central-system', 'external-system'] },
    },
  },
  {
    name: 'Role',
    description: 'A market role played by a participant, such as Supplier or LDSO.',
    attributes: { shortName: { type: 'string' } },
  },
  {
    name: 'BusinessProcess',
    description: 'A business process (BP001 ...), usually drawn in BPMN.',
    attributes: { bpmnFile: { type: 'string', description: 'The diagram the process is drawn in.' } },
  },
  {
    name: 'ProcessStep',
    description: 'A task, event or sub-process within a business process.',
    attributes: {
      stepType: { type: 'enum', values: ['task', 'event', 'sub-process', 'call-activity'] },
      order: { type: 'integer', description: 'Position in the documented step table.' },
    },
  },
  {
    name: 'Interface',
    description: 'A logical interface between market participants (IF-021 ...).',
    attributes: {
      trigger: { type: 'string', description: 'What causes the interface to be sent.' },
      frequency: { type: 'string', description: 'How often it is sent.' },
      channel: { type: 'enum', values: ['DIP', 'DTN', 'API', 'other'] },
      publicationId: { type: 'string', description: 'The DIP publication id (PUB-nnn).' },
      version: { type: 'string' },
    },
  },
  {
    name: 'DataEntity',
    description: 'A group of data items, such as a common message block.',
    attributes: {
      blockCode: { type: 'string', description: 'The message block code (S0, M0, B022 ...).' },
      blockType: { type: 'enum', values: ['header', 'common', 'custom', 'entity'] },
    },
  },
  {
    name: 'DataItem',
    description: 'A single data item of the data model.',
    attributes: {
      dataType: { type: 'string' },
      length: { type: 'integer' },
      validSet: { type: 'string', description: 'The allowed values, or the rule that gives them.' },
    },
  },
  {
    name: 'Requirement',
    description: 'A business or technical requirement.',
    attributes: {
      priority: { type: 'enum', values: ['must', 'should', 'could', 'wont'] },
      requirementType: { type: 'enum', values: ['functional', 'non-functional', 'data', 'interface'] },
      source: { type: 'string', description: 'The document or decision the requirement comes from.' },
    },
  },
  {
    name: 'Principle',
    description: 'A design principle that the design must respect.',
    attributes: { number: { type: 'integer' } },
  },
  {
    name: 'Artefact',
    description: 'A design document, such as a business process definition or an interface specification.',
    attributes: {
      artefactType: { type: 'enum', values: ['BPD', 'BRS', 'IF', 'METH', 'DM', 'other'] },
      version: { type: 'string' },
      service: {
        type: 'string',
        description:
          'The service or workstream the artefact belongs to in the tracker (a Service id or a name).',
      },
      ragLastMonth: {
        type: 'enum',
        values: ['Red', 'Amber', 'Green', 'Complete'],
        description: "Last month's RAG status in the Design Artefact Tracker.",
      },
      ragThisMonth: {
        type: 'enum',
        values: ['Red', 'Amber', 'Green', 'Complete'],
        description: "This month's RAG status in the Design Artefact Tracker.",
      },
      plannedMonth: {
        type: 'string',
        description: 'The month the artefact was planned to go to the DAG (YYYY-MM).',
      },
      expectedMonth: {
        type: 'string',
        description: 'The month the artefact is now expected at the DAG (YYYY-MM).',
      },
      issues: { type: 'string', description: 'Current issues, as the tracker shows them.' },
      actions: { type: 'string', description: 'Current actions, as the tracker shows them.' },
      commentsAccepted: {
        type: 'integer',
        description: 'Review comments accepted, counted by hand (comment files in comments/ replace this).',
      },
      commentsAction: {
        type: 'integer',
        description: 'Review comments that led to an action, counted by hand.',
      },
      commentsRejected: { type: 'integer', description: 'Review comments rejected, counted by hand.' },
      commentsClarification: {
        type: 'integer',
        description: 'Review comments that need clarification, counted by hand.',
      },
    },
  },
  {
    name: 'TestCase',
    description: 'A test that verifies requirements, interfaces or process steps.',
    attributes: {
      junit: { type: 'string', description: 'The JUnit test name (classname.name or name) that reports it.' },
      testLevel: { type: 'enum', values: ['unit', 'component', 'system', 'integration', 'acceptance'] },
    },
  },
  {
    name: 'ChangeRequest',
    description: 'A proposed change to the design; its `changes` relations seed an impact assessment.',
    attributes: {
      raised: { type: 'date' },
      raisedBy: { type: 'string' },
      decision: { type: 'string', description: 'The decision this request is one option of.' },
      option: { type: 'string', description: 'The option label when several requests answer one decision.' },
    },
  },
  {
    name: 'Decision',
    description: 'A design decision, with its outcome.',
    attributes: { decided: { type: 'date' }, outcome: { type: 'string' } },
  },
];

/**
 * The default relation types, with their allowed ends and what a change does across each direction
 * (the table and the reason for each row are in the core README, "Impact").
 */
export const DEFAULT_RELATION_TYPES: readonly RelationTypeDef[] = [
  {
    name: 'partOf',
    inverse: 'hasPart',
    from: ['ProcessStep', 'DataItem', 'DataEntity', 'Service', 'Requirement', 'BusinessProcess'],
    to: ['BusinessProcess', 'DataEntity', 'Service', 'Requirement'],
    impact: { forward: 'propagate', backward: 'none' },
    category: 'trace',
    description: 'The source is a part of the target (a step of a process, an item of a block).',
    attributes: {},
  },
  {
    name: 'performs',
    inverse: 'performedBy',
    from: ['Role', 'Service'],
    to: ['BusinessProcess', 'ProcessStep'],
    impact: { forward: 'notify', backward: 'notify' },
    category: 'trace',
    description: 'A role or service carries out a process or a step of it.',
    attributes: {},
  },
  {
    name: 'sends',
    inverse: 'sentBy',
    from: ['Service', 'Role', 'ProcessStep'],
    to: ['Interface'],
    impact: { forward: 'notify', backward: 'notify' },
    category: 'trace',
    description: 'The source sends the interface.',
    attributes: {},
  },
  {
    name: 'receives',
    inverse: 'receivedBy',
    from: ['Service', 'Role', 'ProcessStep'],
    to: ['Interface'],
    impact: { forward: 'notify', backward: 'notify' },
    category: 'trace',
    description: 'The source receives the interface.',
    attributes: {},
  },
  {
    name: 'carries',
    inverse: 'carriedBy',
    from: ['Interface'],
    to: ['DataEntity', 'DataItem'],
    impact: { forward: 'none', backward: 'propagate' },
    category: 'trace',
    description: 'The interface carries the data.',
    attributes: {},
  },
  {
    name: 'uses',
    inverse: 'usedBy',
    from: ['ProcessStep', 'Service', 'Role'],
    to: ['DataEntity', 'DataItem'],
    impact: { forward: 'none', backward: 'notify' },
    category: 'trace',
    description: 'The source reads or writes the data.',
    attributes: {},
  },
  {
    name: 'flowsTo',
    inverse: 'flowsFrom',
    from: ['ProcessStep'],
    to: ['ProcessStep'],
    impact: { forward: 'none', backward: 'none' },
    category: 'trace',
    description: 'Sequence flow from one step to the next.',
    attributes: {},
  },
  {
    name: 'satisfies',
    inverse: 'satisfiedBy',
    from: DESIGN_ELEMENTS,
    to: ['Requirement'],
    impact: { forward: 'notify', backward: 'propagate' },
    category: 'trace',
    description: 'A design element satisfies a requirement.',
    attributes: {},
  },
  {
    name: 'verifies',
    inverse: 'verifiedBy',
    from: ['TestCase'],
    to: ['Requirement', 'Interface', 'ProcessStep', 'BusinessProcess'],
    impact: { forward: 'none', backward: 'notify' },
    category: 'trace',
    description: 'A test verifies a requirement or a design element.',
    attributes: {},
  },
  {
    name: 'refines',
    inverse: 'refinedBy',
    from: ['Requirement'],
    to: ['Requirement', 'Principle'],
    impact: { forward: 'notify', backward: 'propagate' },
    category: 'trace',
    description: 'A requirement refines a higher-level requirement or a principle.',
    attributes: {},
  },
  {
    name: 'governedBy',
    inverse: 'governs',
    from: '*',
    to: ['Principle'],
    impact: { forward: 'none', backward: 'notify' },
    category: 'governance',
    description: 'The source must respect the principle.',
    attributes: {},
  },
  {
    name: 'documentedIn',
    inverse: 'documents',
    from: '*',
    to: ['Artefact'],
    impact: { forward: 'notify', backward: 'none' },
    category: 'documentation',
    description: 'The source is specified in the artefact, which must be re-issued when the source changes.',
    attributes: {},
  },
  {
    name: 'changes',
    inverse: 'changedBy',
    from: ['ChangeRequest'],
    to: '*',
    impact: { forward: 'none', backward: 'none' },
    category: 'change',
    description: 'A change request changes the target; it seeds an impact run rather than propagating.',
    attributes: {
      nature: { type: 'enum', values: ['modify', 'add', 'remove'], description: 'What the change does.' },
    },
  },
  {
    name: 'dependsOn',
    inverse: 'dependencyOf',
    from: '*',
    to: '*',
    impact: { forward: 'none', backward: 'notify' },
    category: 'trace',
    description: 'The source depends on the target.',
    attributes: {},
  },
];
