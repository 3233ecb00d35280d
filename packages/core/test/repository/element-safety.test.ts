import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatDiagnostic, loadRepository } from '@tracery/core';
import { afterAll, describe, expect, test } from 'vitest';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function load(model: string, config = 'name: Safety\n') {
  const dir = await mkdtemp(join(tmpdir(), 'tracery-safety-'));
  dirs.push(dir);
  await mkdir(join(dir, 'model'));
  await writeFile(join(dir, 'tracery.yaml'), config);
  await writeFile(join(dir, 'model', 'design.yaml'), model);
  const loaded = await loadRepository(dir);
  return { loaded, lines: loaded.diagnostics.map(formatDiagnostic) };
}

describe('ids obey a safe character set', () => {
  test.each([
    ['../../etc/passwd', 'it starts with "."'],
    ['.hidden', 'it starts with "."'],
    ['IF/021', 'it has "/"'],
    ['IF 021', 'it has " "'],
    ['IF-021\\0', 'it has "\\x00"'],
    ['IF-021\\e[2J', 'it has "\\x1b"'],
    ['IF-021:', 'it has ":"'],
  ])('%j is refused, positioned at its id, and not loaded', async (id, reason) => {
    const { loaded, lines } = await load(`elements:\n  - kind: Service\n    id: "${id}"\n    name: A\n`);
    expect(loaded.model.elementCount).toBe(0);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^model\/design\.yaml:3:9: error unsafe-id: the id ".*" is not a safe id: /);
    expect(lines[0]).toContain(reason);
    expect(lines[0]).toContain('ids.extraCharacters in tracery.yaml');
  });

  test('the safe characters load, and tracery.yaml extends them', async () => {
    const model =
      'elements:\n  - { id: BP903.task_5-a, kind: Service, name: A }\n  - { id: "BP:1", kind: Service, name: B }\n';
    expect((await load(model)).lines).toEqual([
      expect.stringMatching(/^model\/design\.yaml:3:11: error unsafe-id: the id "BP:1"/),
    ]);
    const extended = await load(model, 'name: Safety\nids:\n  extraCharacters: ":"\n');
    expect(extended.lines).toEqual([]);
    expect(extended.loaded.model.elementCount).toBe(2);
  });

  test('control characters cannot be allowed', async () => {
    const { lines } = await load('elements: []\n', 'name: Safety\nids:\n  extraCharacters: "\\e"\n');
    expect(lines.join('\n')).toContain('control characters are never allowed in ids');
  });
});

describe('control characters in names and text', () => {
  test('in a name: an error naming the field, the character and the place', async () => {
    const { lines } = await load(
      'elements:\n  - id: SDS\n    kind: Service\n    name: "Smart\\e]0;pwned\\a"\n',
    );
    expect(lines).toEqual([
      'model/design.yaml:4:11: error control-character: name of SDS holds the control character \\x1b ("Smart\\x1b]0;pwned\\x07"); remove it.',
    ]);
  });

  test('in free text: a warning; tabs and line breaks are text', async () => {
    const { lines } = await load(
      'elements:\n  - id: SDS\n    kind: Service\n    name: Smart\n    description: "one\\ttwo\\nthree\\x07"\n    tags: ["ok", "bad\\0"]\n',
    );
    expect(lines).toEqual([
      expect.stringMatching(
        /^model\/design\.yaml:5:18: warning control-character: description of SDS holds the control character \\x07 \("one\\ttwo\\nthree\\x07"\)/,
      ),
      expect.stringMatching(
        /^model\/design\.yaml:6:18: warning control-character: tags\.1 of SDS holds the control character \\x00/,
      ),
    ]);
  });
});
