import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { discoverFiles } from '@tracery/core/advanced';
import picomatch from 'picomatch';
import { afterAll, describe, expect, test } from 'vitest';
import { folderFilter } from '../../src/repository/discover-files.js';

// Discovery enters only the folders that can hold a match of the globs (issue 17: it walked the whole
// tree whatever the globs); what it finds is exactly the files the globs match, in path order.

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

const FILES = [
  'model/a.yaml',
  'model/sub/b.yaml',
  'model/sub/deeper/c.json',
  'model.yaml',
  'models/d.yaml',
  'docs/model/e.yaml',
  'docs/notes.md',
  'bpmn/p.bpmn',
  'a/b.yaml',
  'a.yaml',
];

describe('discovery by glob', () => {
  test.each([
    [['model/**/*.yaml']],
    [['model/*.yaml', 'models/**']],
    [['**/*.yaml']],
    [['model/sub/b.yaml']],
    [['{model,docs}/**/*.yaml']],
    [['m?del/**']],
    [['*.yaml']],
  ])('%j finds exactly the files it matches, in path order', async (globs) => {
    const root = await mkdtemp(join(tmpdir(), 'tracery-discover-'));
    dirs.push(root);
    for (const file of FILES) {
      await mkdir(join(root, file, '..'), { recursive: true });
      await writeFile(join(root, file), 'elements: []\n');
    }
    const found = (await discoverFiles(root, globs)).files.map((f) =>
      relative(root, f).split('\\').join('/'),
    );
    const match = picomatch(globs, { dot: false });
    const bySegments = (a: string, b: string) => {
      const [x, y] = [a.split('/'), b.split('/')];
      for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
      return x.length - y.length;
    };
    expect(found).toEqual(FILES.filter((f) => match(f)).sort(bySegments));
  });

  test.each([
    [['model/**/*.{yaml,json}', '!model/sub/**'], ['model/a.yaml']],
    [['!model/sub/**', 'model/**/*.{yaml,json}'], ['model/a.yaml']],
    [
      ['**/*.yaml', '!**/model/**', '!a.yaml'],
      ['a/b.yaml', 'model.yaml', 'models/d.yaml'],
    ],
    [['!model/**'], []],
  ])('%j excludes what a !glob names and selects nothing else', async (globs, expected) => {
    const root = await mkdtemp(join(tmpdir(), 'tracery-discover-'));
    dirs.push(root);
    for (const file of FILES) {
      await mkdir(join(root, file, '..'), { recursive: true });
      await writeFile(join(root, file), 'elements: []\n');
    }
    const found = (await discoverFiles(root, globs)).files.map((f) =>
      relative(root, f).split('\\').join('/'),
    );
    expect(found).toEqual(expected);
  });

  test('a !glob does not widen where discovery looks', () => {
    const enter = folderFilter(['model/**/*.yaml', '!model/sub/**']);
    expect(['docs', 'bpmn', 'a'].filter(enter)).toEqual([]);
  });

  test('a folder outside every glob is not entered; folders on the way to one are', () => {
    const enter = folderFilter(['model/**/*.yaml', 'docs/design/*.yaml']);
    expect(['model', 'model/sub', 'docs', 'docs/design'].filter(enter)).toEqual([
      'model',
      'model/sub',
      'docs',
      'docs/design',
    ]);
    expect(['models', 'node', 'docs/other', 'bpmn', 'modelx'].filter(enter)).toEqual([]);
    expect(['anything', 'a/b/c'].every(folderFilter(['**/*.yaml']))).toBe(true);
  });
});
