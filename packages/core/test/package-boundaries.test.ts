import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const PACKAGES = join(import.meta.dirname, '..', '..');

/** What each package may import from the workspace and the integrations (DESIGN.md: the arrows point one way). */
const ALLOWED: Record<string, readonly string[]> = {
  core: [],
  bpmn: ['@tracery/core', 'bpmn-moddle'],
  'neo4j-adapter': ['@tracery/core', 'neo4j-driver'],
  reqif: ['@tracery/core'],
  site: ['@tracery/core', '@tracery/bpmn'],
  cli: ['@tracery/core', '@tracery/bpmn', '@tracery/neo4j-adapter', '@tracery/reqif', '@tracery/site'],
};
const GUARDED = ['@tracery/', 'bpmn-moddle', 'neo4j-driver', 'commander', 'picocolors'];

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile() && /\.tsx?$/.test(e.name)).map((e) => join(e.parentPath, e.name));
}

describe('package boundaries', () => {
  test.each(Object.keys(ALLOWED))('%s imports only what the architecture allows', async (name) => {
    const offending: string[] = [];
    for (const file of await sourceFiles(join(PACKAGES, name, 'src'))) {
      const text = await readFile(file, 'utf8');
      for (const match of text.matchAll(/from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
        const spec = match[1] ?? match[2] ?? '';
        const guarded = GUARDED.some((g) => spec === g || spec.startsWith(g));
        const allowed =
          ALLOWED[name]!.some((a) => spec === a || spec.startsWith(`${a}/`)) ||
          (name === 'cli' && /^(commander|picocolors)$/.test(spec));
        if (guarded && !allowed) offending.push(`${file.slice(PACKAGES.length + 1)}: ${spec}`);
      }
    }
    expect(offending).toEqual([]);
  });
});
