import { seededRandom } from '@tracery/core/testing';

/** The artifact types of the generated items, and the Tracery kind each one becomes. */
export const OFT_TYPES = {
  req: 'Requirement',
  dsn: 'Design',
  impl: 'Implementation',
  utest: 'UnitTest',
  spec: 'Spec',
} as const;
export type OftType = keyof typeof OFT_TYPES;

/**
 * One specification item: type, name and revision (its OFT id is `type~name~revision`), status, the
 * ids it covers (with the revision it read, which may be older than the item's: an outdated link),
 * and the types it needs.
 */
export type OftItem = {
  readonly type: OftType;
  readonly name: string;
  readonly revision: number;
  readonly status?: 'rejected';
  readonly covers: readonly string[];
  readonly needs: readonly OftType[];
};

const NEXT: Readonly<Record<OftType, OftType | undefined>> = {
  req: 'dsn',
  dsn: 'impl',
  impl: 'utest',
  utest: undefined,
  spec: 'spec',
};

/** The OpenFastTrace id of an item. */
export const oftId = (item: Pick<OftItem, 'type' | 'name' | 'revision'>) =>
  `${item.type}~${item.name}~${item.revision}`;

/**
 * What a requirement's subtree looks like besides the plain chain: an extra unit test covering the
 * requirement (unwanted coverage), an outdated link at the top or in the middle, a rejected
 * requirement, a rejected design beside a valid one or as the only one, or a cycle of `spec` items in
 * place of the requirement.
 */
export type Scenario =
  | 'plain'
  | 'unwanted'
  | 'outdated-top'
  | 'outdated-mid'
  | 'rejected-req'
  | 'rejected-extra'
  | 'rejected-sole'
  | 'cycle';

/** The scenarios other than `plain`, each given to `special / 7` of the requirements. */
export const SPECIAL_SCENARIOS: readonly Scenario[] = [
  'unwanted',
  'outdated-top',
  'outdated-mid',
  'rejected-req',
  'rejected-extra',
  'rejected-sole',
  'cycle',
];

/** Options of {@link generateOftItems}. */
export type OftItemOptions = {
  /** The share of each level that lacks the level below (default 2%). */
  readonly gap?: number;
  /** The share of requirements given one of the special scenarios (default 0: plain trees only). */
  readonly special?: number;
};

type Builder = { out: OftItem[]; random: { next(): number }; gap: number };

function item(type: OftType, name: string, covers: readonly string[], extra: Partial<OftItem> = {}): OftItem {
  return { type, name, revision: 1, covers, needs: NEXT[type] ? [NEXT[type]!] : [], ...extra };
}

/** The chain below a parent: design, implementation, unit test, each missing with probability `gap`. */
function below(
  b: Builder,
  parent: OftItem,
  name: string,
  readRevision = parent.revision,
  extra: Partial<OftItem> = {},
): OftItem | undefined {
  const type = NEXT[parent.type];
  if (!type || parent.type === 'spec') return undefined;
  const child = item(type, name, [`${parent.type}~${parent.name}~${readRevision}`], extra);
  b.out.push(child);
  if (child.needs.length > 0 && b.random.next() >= b.gap) below(b, child, name);
  return child;
}

function scenario(b: Builder, scenarioName: Scenario, name: string): void {
  const req = item('req', name, [], scenarioName === 'outdated-top' ? { revision: 2 } : {});
  if (scenarioName === 'cycle') {
    const size = 2 + Math.floor(b.random.next() * 2);
    for (let i = 0; i < size; i++)
      b.out.push(item('spec', `${name}s${i}`, [`spec~${name}s${(i + 1) % size}~1`]));
    return;
  }
  b.out.push(scenarioName === 'rejected-req' ? { ...req, status: 'rejected' } : req);
  if (scenarioName === 'rejected-req') return;
  if (scenarioName === 'outdated-top') return void below(b, req, `${name}a`, 1);
  if (scenarioName === 'rejected-sole') return void below(b, req, `${name}a`, 1, { status: 'rejected' });
  if (scenarioName === 'outdated-mid') {
    const dsn = item('dsn', `${name}a`, [oftId(req)], { revision: 2 });
    b.out.push(dsn);
    below(b, dsn, `${name}a`, 1);
    return;
  }
  below(b, req, `${name}a`);
  if (scenarioName === 'unwanted') b.out.push(item('utest', `${name}u`, [oftId(req)]));
  if (scenarioName === 'rejected-extra')
    b.out.push(item('dsn', `${name}r`, [oftId(req)], { status: 'rejected' }));
  if (scenarioName === 'plain' && b.random.next() < 0.1) below(b, req, `${name}b`);
}

/**
 * About `items` specification items in OpenFastTrace's shape, deterministic from `seed`: requirements
 * covered by designs, designs by implementations, implementations by unit tests. One in ten plain
 * requirements has two designs; `gap` of each level lacks the level below, so that some items are
 * uncovered, and (deep coverage) so are the items above them. With `special`, that share of the
 * requirements gets one of {@link SPECIAL_SCENARIOS} in turn: unwanted coverage, outdated links,
 * rejected items and cycles, where the two tools' meanings are put to the test.
 */
export function generateOftItems(items: number, seed = 42, options: OftItemOptions | number = {}): OftItem[] {
  const { gap = 0.02, special = 0 } = typeof options === 'number' ? { gap: options } : options;
  const b: Builder = { out: [], random: seededRandom(seed), gap };
  const requirements = Math.max(1, Math.round(items / 4.2));
  let turn = 0;
  for (let i = 1; i <= requirements; i++) {
    const name = `r${String(i).padStart(6, '0')}`;
    const pick = b.random.next() < special ? SPECIAL_SCENARIOS[turn++ % SPECIAL_SCENARIOS.length]! : 'plain';
    if (pick === 'plain' && b.random.next() < gap) {
      b.out.push(item('req', name, []));
      continue;
    }
    scenario(b, pick, name);
  }
  return b.out;
}
