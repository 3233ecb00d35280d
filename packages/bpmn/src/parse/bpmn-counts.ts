/** The namespace URI of BPMN 2.0 semantic elements, whatever prefix a file gives it. */
export const BPMN_NAMESPACE = 'http://www.omg.org/spec/BPMN/20100524/MODEL';

/** The namespace URI of Tracery's extension attributes (`tracery:id`, `tracery:interface`, `tracery:satisfies`). */
export const TRACERY_NAMESPACE = 'https://tracery.dev/bpmn';

/** What the import counts, as the corpus's COUNTS.tsv does: the keys are its column names. */
export type BpmnCountKey =
  | 'processes'
  | 'participants'
  | 'lanes'
  | 'activities'
  | 'messageFlows'
  | 'sequenceFlows'
  | 'dataObjects'
  | 'dataObjectReferences'
  | 'dataStoreReferences';

/** How many elements of each counted kind a file holds. */
export type BpmnCounts = Readonly<Record<BpmnCountKey, number>>;

/** The counted kinds, in the order COUNTS.tsv lists them. */
export const BPMN_COUNT_KEYS: readonly BpmnCountKey[] = [
  'processes',
  'participants',
  'lanes',
  'activities',
  'messageFlows',
  'sequenceFlows',
  'dataObjects',
  'dataObjectReferences',
  'dataStoreReferences',
];

const ACTIVITIES = [
  'task',
  'userTask',
  'serviceTask',
  'sendTask',
  'receiveTask',
  'manualTask',
  'businessRuleTask',
  'scriptTask',
  'subProcess',
  'adHocSubProcess',
  'transaction',
  'callActivity',
];

const COUNT_KEY_BY_LOCAL_NAME: ReadonlyMap<string, BpmnCountKey> = new Map<string, BpmnCountKey>([
  ['process', 'processes'],
  ['participant', 'participants'],
  ['lane', 'lanes'],
  ['messageFlow', 'messageFlows'],
  ['sequenceFlow', 'sequenceFlows'],
  ['dataObject', 'dataObjects'],
  ['dataObjectReference', 'dataObjectReferences'],
  ['dataStoreReference', 'dataStoreReferences'],
  ...ACTIVITIES.map((name) => [name, 'activities'] as const),
]);

/** The count an element of the BPMN namespace goes to, by its local name (`userTask`), if any. */
export function countKeyOfLocalName(localName: string): BpmnCountKey | undefined {
  return COUNT_KEY_BY_LOCAL_NAME.get(localName);
}

/** The count a bpmn-moddle element goes to, by its type (`bpmn:UserTask`), if any. */
export function countKeyOfType(type: string): BpmnCountKey | undefined {
  if (!type.startsWith('bpmn:')) return undefined;
  let key = COUNT_KEY_BY_TYPE.get(type);
  if (key === undefined && !COUNT_KEY_BY_TYPE.has(type)) {
    key = COUNT_KEY_BY_LOCAL_NAME.get(`${type.charAt(5).toLowerCase()}${type.slice(6)}`);
    COUNT_KEY_BY_TYPE.set(type, key);
  }
  return key;
}

// bpmn-moddle's types are a closed set of a few hundred names: remember each answer.
const COUNT_KEY_BY_TYPE = new Map<string, BpmnCountKey | undefined>();

/** Counts items by their count key. */
export function countByKey(items: Iterable<{ readonly countKey: BpmnCountKey }>): BpmnCounts {
  const counts: Record<BpmnCountKey, number> = {
    processes: 0,
    participants: 0,
    lanes: 0,
    activities: 0,
    messageFlows: 0,
    sequenceFlows: 0,
    dataObjects: 0,
    dataObjectReferences: 0,
    dataStoreReferences: 0,
  };
  // An array (the raw elements of a large diagram) by index: no iterator result per item.
  if (Array.isArray(items))
    for (let k = 0; k < items.length; k++) counts[(items[k] as { countKey: BpmnCountKey }).countKey]++;
  else for (const item of items) counts[item.countKey]++;
  return counts;
}
