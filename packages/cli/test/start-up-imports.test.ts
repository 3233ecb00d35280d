import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

// Start-up time (issue 17) depends on what a run imports before it does anything: these tests read the
// sources' static imports (dynamic import() is what defers a module) and keep the expensive packages
// out of the program's start and out of every command module's, so that a new static import of one
// is a failing test here rather than a slower start that only a benchmark would show.

const SRC = join(import.meta.dirname, '..', 'src');

/** The runtime imports of a source file: `import`/`export ... from` and bare imports, not `import type`. */
function staticImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s+(type\s)?[^;()]*?\sfrom\s+'([^']+)'/gm))
    if (!m[1]) found.push(m[2]!);
  for (const m of text.matchAll(/^import\s+'([^']+)'/gm)) found.push(m[1]!);
  return found;
}

/** The packages a source file brings in through its static imports, its own modules followed. */
function packagesImported(entry: string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of staticImports(file)) {
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      else if (!spec.startsWith('node:')) packages.add(spec);
    }
  };
  visit(join(SRC, entry));
  return packages;
}

describe('what a run imports before its command runs', () => {
  test('the program (and so --version) imports commander, picocolors and core/escape only', () => {
    expect([...packagesImported('bin.ts')].sort()).toEqual([
      '@tracery/core/escape',
      'commander',
      'picocolors',
    ]);
  });

  test('the reader sees imports as written: a type-only import is no import, a value import is', () => {
    const exportCommand = staticImports(join(SRC, 'commands', 'export-command.ts'));
    expect(exportCommand).not.toContain('@tracery/neo4j-adapter'); // import type { ... } only
    expect(exportCommand).toContain('@tracery/core');
  });

  const HEAVY = ['exceljs', '@tracery/neo4j-adapter', '@tracery/site', '@tracery/reqif'];
  const commandFiles = Array.from(
    readFileSync(join(SRC, 'command-modules.ts'), 'utf8').matchAll(
      /import\('\.\/(commands\/[a-z-]+\.js)'\)/g,
    ),
    (m) => m[1]!.replace(/\.js$/, '.ts'),
  );

  test.each(commandFiles)(
    '%s imports none of exceljs, Neo4j, the site, ReqIF until its action needs it',
    (file) => {
      const heavy = [...packagesImported(file)].filter((p) => HEAVY.includes(p));
      expect(heavy).toEqual([]);
    },
  );
});
