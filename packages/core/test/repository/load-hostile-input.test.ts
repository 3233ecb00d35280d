import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Diagnostic, loadRepository } from '@tracery/core';
import { afterEach, describe, expect, test } from 'vitest';

// Hostile input to the loader (issue 12): each case gives a clear, positioned diagnostic, never a
// crash, a hang or a polluted object. The vitest timeout bounds the time of each case.

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** A repository with the given files (repository paths to text or bytes). */
async function repository(files: Readonly<Record<string, string | Uint8Array>>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'tracery-hostile-'));
  dirs.push(dir);
  const all = { 'tracery.yaml': 'name: hostile\n', ...files };
  for (const [path, content] of Object.entries(all)) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  return dir;
}

function codes(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => d.code);
}

describe('nesting depth', () => {
  // Indentation grows with depth: 3,000 levels of it is 4.5 MB; 10,000 would pass the 10 MiB limit.
  const deepBlockMap = `elements:\n${Array.from({ length: 3_000 }, (_, i) => `${' '.repeat(i + 1)}k${i}:`).join('\n')}\n`;
  const deepFlow = `elements: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`;
  const deepCompact = `elements:\n  ${'- '.repeat(10_000)}x\n`;
  const deepSequence = `elements:\n${Array.from({ length: 3_000 }, (_, i) => `${' '.repeat(i)}-`).join('\n')} x\n`;
  const deepMixed = `elements:\n  - ${'- {a: ['.repeat(2_500)}x${']}'.repeat(2_500)}\n`;

  test.each([
    ['a block map 3,000 levels deep', deepBlockMap],
    ['flow lists 10,000 levels deep', deepFlow],
    ['a compact list 10,000 levels deep', deepCompact],
    ['a block list 3,000 levels deep', deepSequence],
    ['compact lists, flow maps and flow lists 10,000 levels deep', deepMixed],
  ])('%s is refused as nested too deep, at its line', async (_, text) => {
    const loaded = await loadRepository(await repository({ 'model/deep.yaml': text }));
    expect(codes(loaded.diagnostics)).toEqual(['yaml-too-deep']);
    const [diagnostic] = loaded.diagnostics;
    expect(diagnostic?.source?.file).toBe('model/deep.yaml');
    expect(diagnostic?.source?.line).toBeGreaterThan(0);
    expect(diagnostic?.message).toMatch(/nested too deep.*200 levels.*limits\.maxDepth/);
  });

  test('tracery.yaml nested too deep is refused the same way', async () => {
    const dir = await repository({
      'tracery.yaml': `name: x\ndescription: ${'{a: '.repeat(5_000)}b${'}'.repeat(5_000)}\n`,
    });
    const loaded = await loadRepository(dir);
    expect(loaded.diagnostics).toMatchObject([
      { code: 'yaml-too-deep', source: { file: 'tracery.yaml', line: 2 } },
    ]);
  });

  test('ordinary nesting (a relation with attributes, a block text) loads without complaint', async () => {
    const text = [
      'elements:',
      '  - id: REQ-1',
      '    kind: Requirement',
      '    name: "one [x] {y}"',
      '    description: |',
      `${Array.from({ length: 300 }, (_, i) => `      ${' '.repeat(i)}line ${i}`).join('\n')}`,
      '  - id: REQ-2',
      '    kind: Requirement',
      '    name: two',
      '    refines:',
      '      - id: REQ-1',
      '        note: "why: [because]"',
      '',
    ].join('\n');
    const loaded = await loadRepository(await repository({ 'model/ok.yaml': text }));
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.model.elementCount).toBe(2);
  });
});
