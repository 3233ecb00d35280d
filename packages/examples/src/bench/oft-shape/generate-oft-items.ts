import { seededRandom } from '@tracery/core/testing';

/** The artifact types of OpenFastTrace's usual chain, and the Tracery kind each one becomes. */
export const OFT_TYPES = {
  req: 'Requirement',
  dsn: 'Design',
  impl: 'Implementation',
  utest: 'UnitTest',
} as const;
export type OftType = keyof typeof OFT_TYPES;

/** One specification item: its type and name (its OFT id is `type~name~1`), what it covers, what it needs. */
export type OftItem = {
  readonly type: OftType;
  readonly name: string;
  readonly covers: readonly string[];
  readonly needs: readonly OftType[];
};

const NEXT: Readonly<Record<OftType, OftType | undefined>> = {
  req: 'dsn',
  dsn: 'impl',
  impl: 'utest',
  utest: undefined,
};

/** The OpenFastTrace id of an item. */
export const oftId = (item: Pick<OftItem, 'type' | 'name'>) => `${item.type}~${item.name}~1`;

/**
 * About `items` specification items in OpenFastTrace's shape, deterministic from `seed`: requirements
 * covered by designs, designs by implementations, implementations by unit tests. One in ten
 * requirements has two designs; `gap` of each level (2% by default) lacks the level below, so that
 * some items are uncovered, and (deep coverage) so are the items above them.
 */
export function generateOftItems(items: number, seed = 42, gap = 0.02): OftItem[] {
  const random = seededRandom(seed);
  const out: OftItem[] = [];
  const requirements = Math.max(1, Math.round(items / 4.2));
  const below = (parent: OftItem, name: string): void => {
    const type = NEXT[parent.type];
    if (!type) return;
    const child: OftItem = { type, name, covers: [oftId(parent)], needs: NEXT[type] ? [NEXT[type]!] : [] };
    out.push(child);
    if (child.needs.length > 0 && random.next() >= gap) below(child, name);
  };
  for (let i = 1; i <= requirements; i++) {
    const name = `r${String(i).padStart(6, '0')}`;
    const req: OftItem = { type: 'req', name, covers: [], needs: ['dsn'] };
    out.push(req);
    if (random.next() < gap) continue;
    below(req, `${name}a`);
    if (random.next() < 0.1) below(req, `${name}b`);
  }
  return out;
}
