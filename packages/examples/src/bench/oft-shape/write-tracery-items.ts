import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OFT_TYPES, type OftItem, type OftType } from './generate-oft-items.js';

/** The Tracery id of an OpenFastTrace id (`dsn~r000001a~1` becomes `DSN-r000001a`). */
export const traceryId = (oft: string) => {
  const [type, name] = oft.split('~');
  return `${(type ?? '').toUpperCase()}-${name}`;
};

/** tracery.yaml of the generated repository: OpenFastTrace's artifact types as kinds, `covers`, and deep "needs". */
function config(): string {
  const need = (type: OftType) =>
    `{ needs: [{ relation: coveredBy, kinds: [${OFT_TYPES[type]}] }], deep: true }`;
  return [
    'name: OpenFastTrace-shaped repository',
    'metamodel:',
    '  kinds:',
    '    Design: { description: A design item (dsn). }',
    '    Implementation: { description: An implementation item (impl). }',
    '    UnitTest: { description: A unit test item (utest). }',
    '  relationTypes:',
    '    covers: { inverse: coveredBy, from: "*", to: "*", impact: { forward: none, backward: propagate } }',
    'coverage:',
    `  Requirement: ${need('dsn')}`,
    `  Design: ${need('impl')}`,
    `  Implementation: ${need('utest')}`,
    '',
  ].join('\n');
}

function yaml(item: OftItem): string {
  const id = traceryId(`${item.type}~${item.name}~1`);
  const lines = [`  - id: ${id}`, `    kind: ${OFT_TYPES[item.type]}`, `    name: ${item.type} ${item.name}`];
  if (item.covers.length > 0) lines.push(`    covers: [${item.covers.map(traceryId).join(', ')}]`);
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
  for (let start = 0, n = 1; start < items.length; start += perFile, n++) {
    const body = items
      .slice(start, start + perFile)
      .map(yaml)
      .join('\n');
    await writeFile(join(dir, 'model', `items-${String(n).padStart(4, '0')}.yaml`), `elements:\n${body}\n`);
  }
}
