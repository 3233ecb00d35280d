import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OFT_TYPES, type OftItem, type OftType, oftId } from './generate-oft-items.js';

/** The Tracery id of an OpenFastTrace id, with or without its revision (`dsn~r000001a~1` becomes `DSN-r000001a`). */
export const traceryId = (oft: string) => {
  const [type, name] = oft.split('~');
  return `${(type ?? '').toUpperCase()}-${name}`;
};

/**
 * A review stamp that matches no content: the link was reviewed, and an end changed since. This is how
 * an outdated link (OpenFastTrace: it covers an older revision) is written in Tracery.
 */
export const STALE_STAMP = '0000000000000000/0000000000000000';

/** tracery.yaml of the generated repository: the artifact types as kinds, `covers`, and deep "needs". */
function config(): string {
  const need = (type: OftType) => `{ needs: [{ relation: coveredBy, kinds: [${OFT_TYPES[type]}] }] }`;
  return [
    'name: OpenFastTrace-shaped repository',
    'metamodel:',
    '  kinds:',
    '    Design: { description: A design item (dsn). }',
    '    Implementation: { description: An implementation item (impl). }',
    '    UnitTest: { description: A unit test item (utest). }',
    '    Spec: { description: A specification item that needs its own type (spec). }',
    '  relationTypes:',
    '    covers: { inverse: coveredBy, from: "*", to: "*", impact: { forward: none, backward: propagate } }',
    '# Deep coverage is the default; rejected items are written as withdrawn, which the default excludes.',
    'coverage:',
    `  Requirement: ${need('dsn')}`,
    `  Design: ${need('impl')}`,
    `  Implementation: ${need('utest')}`,
    `  Spec: ${need('spec')}`,
    '',
  ].join('\n');
}

function yaml(item: OftItem, revisions: ReadonlyMap<string, number>): string {
  const id = traceryId(oftId(item));
  const lines = [`  - id: ${id}`, `    kind: ${OFT_TYPES[item.type]}`, `    name: ${item.type} ${item.name}`];
  if (item.status === 'rejected') lines.push('    status: withdrawn');
  const covers = item.covers.map((c) => {
    const [type, name, revision] = c.split('~');
    const current = revisions.get(`${type}~${name}`);
    return current !== undefined && current !== Number(revision)
      ? `{ id: ${traceryId(c)}, reviewed: "${STALE_STAMP}" }`
      : traceryId(c);
  });
  if (covers.length > 0) lines.push(`    covers: [${covers.join(', ')}]`);
  return lines.join('\n');
}

/** Writes the same items as a Tracery repository: tracery.yaml and model files of `perFile` elements. */
export async function writeTraceryItems(
  dir: string,
  items: readonly OftItem[],
  perFile = 2000,
): Promise<void> {
  await mkdir(join(dir, 'model'), { recursive: true });
  await writeFile(join(dir, 'tracery.yaml'), config());
  const revisions = new Map(items.map((i) => [`${i.type}~${i.name}`, i.revision]));
  for (let start = 0, n = 1; start < items.length; start += perFile, n++) {
    const body = items
      .slice(start, start + perFile)
      .map((i) => yaml(i, revisions))
      .join('\n');
    await writeFile(join(dir, 'model', `items-${String(n).padStart(4, '0')}.yaml`), `elements:\n${body}\n`);
  }
}
