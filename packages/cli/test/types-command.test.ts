import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRepository } from '@tracery/core';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runJson } from './run-cli.js';

const PACKAGES = join(import.meta.dirname, '..', '..');
const MHHS = join(PACKAGES, 'examples', 'mhhs');
const CORE = join(PACKAGES, 'core', 'src', 'index.ts');

const header = `import { findElements, loadRepository, related, relationsOf } from '@tracery/core';
const { model } = await loadRepository('.');
`;

const GOOD = `${header}
const interfaces = findElements(model, { kind: 'Interface' });
const channel: 'DIP' | 'DTN' | 'API' | 'other' | undefined = interfaces[0]?.attributes.channel;
const recipients: string[] = related(model, 'IF-021', 'receivedBy');
const addressers = related(model, 'IF-021', 'addressedBy');
const carried = relationsOf(model, 'IF-021', { type: 'carries' });
export { addressers, carried, channel, recipients };
`;

/** Each a line that must not compile once the generated types are in, and what the error names. */
const BAD: readonly (readonly [string, RegExp])[] = [
  ["findElements(model, { kind: 'Interfce' });", /"Interfce"/],
  ["findElements(model, { kind: ['Interface', 'Requirment'] });", /"Requirment"/],
  ["related(model, 'IF-021', 'sentby');", /"sentby"/],
  ["relationsOf(model, 'IF-021', { type: 'carry' });", /"carry"/],
  [
    "const c: 'DIP' | undefined = findElements(model, { kind: 'Interface' })[0]?.attributes.channel;",
    /"DTN"/,
  ],
];

let dir: string;
let typesFile: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tracery-types-'));
  typesFile = join(dir, 'tracery-types.d.ts');
  // A script folder as a user has it: ES modules, so top-level await is allowed.
  await writeFile(join(dir, 'package.json'), '{ "type": "module" }\n');
  await writeFile(join(dir, 'good.ts'), GOOD);
  for (const [i, [line]] of BAD.entries()) await writeFile(join(dir, `bad-${i}.ts`), `${header}${line}\n`);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

type CompileError = { readonly line: number; readonly message: string };

/**
 * The type errors of each script, as \`tsc --noEmit\` reports them for the script files, with the
 * generated types in the compilation or not. One program for all the scripts.
 */
function compileErrors(scripts: readonly string[], withTypes: boolean): Map<string, CompileError[]> {
  const files = scripts.map((name) => join(dir, name));
  const program = ts.createProgram(withTypes ? [...files, typesFile] : files, {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: ['node'],
    typeRoots: [join(PACKAGES, '..', 'node_modules', '@types')],
    // As a script that depends on @tracery/core sees it (here its sources, so no build is needed).
    paths: { '@tracery/core': [CORE] },
  });
  const errors = new Map<string, CompileError[]>();
  for (const [i, file] of files.entries()) {
    const source = program.getSourceFile(file)!;
    const found = [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)];
    errors.set(
      scripts[i]!,
      found.map((d) => ({
        line: source.getLineAndCharacterOfPosition(d.start ?? 0).line + 1,
        message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
      })),
    );
  }
  return errors;
}

describe('tracery types', () => {
  test('writes the metamodel of the repository as a .d.ts, and says what it wrote', async () => {
    const { code, envelope } = await runJson(['types', '--repo', MHHS, '--out', typesFile]);
    expect(code).toBe(0);
    const { metamodel } = await loadRepository(MHHS);
    expect(envelope.payload).toMatchObject({
      kinds: metamodel.kinds.size,
      relationNames: metamodel.relationNames.size,
    });
    const text = await readFile(typesFile, 'utf8');
    expect(text).toContain("declare module '@tracery/core'");
    // The repository's own relation type (tracery.yaml adds addresses / addressedBy) is in it.
    expect(text).toMatch(/^ {4}addressedBy: "addresses";$/m);
  });

  test('a script using the kinds, attributes and relation names compiles; each misspelling is an error on its line', () => {
    const errors = compileErrors(['good.ts', ...BAD.map((_, i) => `bad-${i}.ts`)], true);
    expect(errors.get('good.ts')).toEqual([]);
    for (const [i, [line, message]] of BAD.entries()) {
      const found = errors.get(`bad-${i}.ts`)!;
      expect(
        found.map((e) => e.line),
        line,
      ).toEqual([3]);
      expect(found[0]?.message, line).toMatch(message);
    }
  });

  test('without the generated file the same misspellings compile (the types are what catch them)', () => {
    const errors = compileErrors(
      BAD.slice(0, 4).map((_, i) => `bad-${i}.ts`),
      false,
    );
    expect([...errors.values()].flat()).toEqual([]);
  });
});
