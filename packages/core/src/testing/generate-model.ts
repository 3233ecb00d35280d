import { InvalidArgumentError } from '../errors/tracery-error.js';
import { defaultMetamodel, type Metamodel } from '../metamodel/metamodel.js';
import type { AttributeValue } from '../model/element.js';
import { Model } from '../model/model.js';
import { type Random, seededRandom } from './random.js';

/** Options for {@link generateModel}. */
export type GenerateOptions = {
  /** About how many elements to make (the result is within a few of it). */
  readonly elements: number;
  readonly seed?: number;
  readonly metamodel?: Metamodel;
};

/** Shares of each kind in a generated model, after the 16 principles: the shape of the MHHS design. */
const SHARES = {
  Service: 0.004,
  Role: 0.004,
  BusinessProcess: 0.012,
  ProcessStep: 0.2,
  Interface: 0.08,
  DataEntity: 0.02,
  DataItem: 0.2,
  Requirement: 0.22,
  Artefact: 0.04,
  TestCase: 0.22,
} as const;

/** The id patterns of generated repositories, for their tracery.yaml. */
export const GENERATED_ID_PATTERNS: Readonly<Record<string, string>> = {
  Service: '^SVC-\\d{4}$',
  Role: '^ROLE-\\d{4}$',
  BusinessProcess: '^BP\\d{4}$',
  ProcessStep: '^BP\\d{4}-\\d{3}$',
  Interface: '^IF-\\d{5}$',
  DataEntity: '^MB-\\d{4}$',
  DataItem: '^DI-\\d{6}$',
  Requirement: '^REQ-\\d{6}$',
  Principle: '^DP-\\d{2}$',
  Artefact: '^MHHSP-\\d{5}$',
  TestCase: '^TC-\\d{6}$',
};

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const WORDS = [
  'Consumption',
  'Registration',
  'Settlement',
  'Metering',
  'Appointment',
  'Energisation',
  'Load Shape',
  'Allocation',
  'Reading',
  'Supplier',
  'Segment',
  'Connection',
];
const VERBS = [
  'Notify',
  'Validate',
  'Publish',
  'Derive',
  'Request',
  'Confirm',
  'Record',
  'Aggregate',
  'Reject',
  'Replay',
];

function name(random: Random, suffix: string): string {
  return `${random.pick(VERBS)} ${random.pick(WORDS)} ${suffix}`;
}

function counts(total: number): Record<keyof typeof SHARES, number> {
  const rest = Math.max(0, total - 16);
  const out = {} as Record<keyof typeof SHARES, number>;
  for (const [kind, share] of Object.entries(SHARES) as [keyof typeof SHARES, number][])
    out[kind] = Math.max(1, Math.round(rest * share));
  return out;
}

/**
 * A realistic synthetic model of about `elements` elements, deterministic from `seed`: principles,
 * services and roles performing processes made of steps that flow into each other, interfaces sent
 * and received by steps and carrying data items grouped in message blocks, requirements refining
 * principles and satisfied by steps and interfaces, test cases verifying requirements, and artefacts.
 *
 * @example
 * const model = generateModel({ elements: 10_000, seed: 1 });
 */
export function generateModel(options: GenerateOptions): Model {
  if (!Number.isInteger(options.elements) || options.elements < 20) {
    throw new InvalidArgumentError(
      `options.elements: expected an integer of at least 20, got ${options.elements}.`,
    );
  }
  const random = seededRandom(options.seed ?? 1);
  const model = new Model(options.metamodel ?? defaultMetamodel());
  const n = counts(options.elements);
  const add = (
    id: string,
    kind: string,
    label: string,
    attributes: Record<string, AttributeValue> = {},
    extra: Record<string, unknown> = {},
  ) => model.addElement({ id, kind, name: label, attributes, ...extra });
  const link = (type: string, source: string, target: string) =>
    model.addRelation({ type, source, target, attributes: {} });
  const ids = (prefix: string, count: number, width: number) =>
    Array.from({ length: count }, (_, i) => `${prefix}${pad(i + 1, width)}`);

  const principles = ids('DP-', 16, 2).map(
    (id, i) => add(id, 'Principle', `Design principle ${i}`, { number: i }).id,
  );
  const services = ids('SVC-', n.Service, 4).map(
    (id) => add(id, 'Service', `${random.pick(WORDS)} Service ${id}`, { category: 'tom-service' }).id,
  );
  const roles = ids('ROLE-', n.Role, 4).map((id) => add(id, 'Role', `${random.pick(WORDS)} Role ${id}`).id);
  const actors = [...services, ...roles];
  const blocks = ids('MB-', n.DataEntity, 4).map(
    (id) =>
      add(id, 'DataEntity', `${random.pick(WORDS)} block ${id}`, {
        blockCode: id.slice(3),
        blockType: 'custom',
      }).id,
  );
  const items = ids('DI-', n.DataItem, 6).map((id, i) => {
    add(id, 'DataItem', `${random.pick(WORDS)} item ${i + 1}`, {
      dataType: random.pick(['text', 'integer', 'date']),
      length: 1 + random.int(40),
    });
    link('partOf', id, blocks[i % blocks.length]!);
    return id;
  });
  const processes = ids('BP', n.BusinessProcess, 4).map(
    (id) =>
      add(
        id,
        'BusinessProcess',
        name(random, 'process'),
        {},
        { tranche: random.pick(['T1', 'T2']), status: random.pick(['draft', 'approved']) },
      ).id,
  );
  const steps: string[] = [];
  for (let i = 0; i < n.ProcessStep; i++) {
    const process = processes[i % processes.length]!;
    const id = `${process}-${pad(Math.floor(i / processes.length) + 1, 3)}`;
    add(id, 'ProcessStep', name(random, 'step'), {
      stepType: 'task',
      order: Math.floor(i / processes.length) + 1,
    });
    link('partOf', id, process);
    link('performs', random.pick(actors), id);
    if (i >= processes.length) link('flowsTo', steps[i - processes.length]!, id);
    steps.push(id);
  }
  const interfaces = ids('IF-', n.Interface, 5).map((id) => {
    add(id, 'Interface', name(random, 'interface'), {
      channel: random.pick(['DIP', 'DTN']),
      trigger: 'event',
      frequency: 'on demand',
    });
    link('sends', random.pick(steps), id);
    link('receives', random.pick(steps), id);
    for (const item of new Set([random.pick(items), random.pick(items)])) link('carries', id, item);
    link('carries', id, random.pick(blocks));
    return id;
  });
  const requirements = ids('REQ-', n.Requirement, 6).map((id) => {
    add(id, 'Requirement', name(random, 'requirement'), { priority: random.pick(['must', 'should']) });
    link('refines', id, random.pick(principles));
    if (random.next() < 0.85) link('satisfies', random.pick(random.next() < 0.5 ? steps : interfaces), id);
    return id;
  });
  ids('TC-', n.TestCase, 6).forEach((id) => {
    add(id, 'TestCase', name(random, 'test'), { junit: `tests.${id}` });
    if (random.next() < 0.9) link('verifies', id, random.pick(requirements));
  });
  ids('MHHSP-', n.Artefact, 5).forEach((id, i) => {
    add(id, 'Artefact', `Design document ${i + 1}`, {
      artefactType: random.pick(['BPD', 'IF', 'BRS']),
      commentsAccepted: random.int(40),
    });
    link('documentedIn', random.pick(random.next() < 0.5 ? processes : interfaces), id);
  });
  return model;
}
