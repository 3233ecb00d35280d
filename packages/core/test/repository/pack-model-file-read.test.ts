import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { describe, expect, test } from 'vitest';
import { discoverFiles } from '../../src/repository/discover-files.js';
import { idRule } from '../../src/repository/id-safety.js';
import { loadConfig } from '../../src/repository/load-config.js';
import type { ModelFileRead } from '../../src/repository/model-file-cache.js';
import {
  isPackedModelFileRead,
  packModelFileRead,
  unpackModelFileRead,
} from '../../src/repository/pack-model-file-read.js';
import { readModelText } from '../../src/repository/read-model-text.js';
import { repositoryPath } from '../../src/repository/read-source-file.js';

// What a worker posts is packed (positions as numbers, relations in columns); unpacked in the main
// thread it must be the very read the worker made: same values, same keys in the same order.

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'repository');
const MHHS = join(import.meta.dirname, '..', '..', '..', 'examples', 'mhhs');

async function readsOf(dir: string): Promise<ModelFileRead[]> {
  const { config, metamodel, tolerated } = await loadConfig(dir);
  const context = {
    limits: config.limits,
    metamodel,
    schemas: { kinds: new Map(), tolerated, ids: idRule(config.ids) },
    fast: true,
  };
  const { files } = await discoverFiles(dir, config.sources.model);
  const reads: ModelFileRead[] = [];
  for (const path of files) {
    const text = await readFile(path, 'utf8').catch(() => undefined);
    if (text !== undefined) reads.push(readModelText(repositoryPath(dir, path), text, context));
  }
  return reads;
}

const posted = (read: ModelFileRead) => {
  const packed = packModelFileRead(read);
  return packed && unpackModelFileRead(deserialize(serialize(packed)));
};

describe('packing a model file read for a worker to post', () => {
  test('gives back the same read on the MHHS example and every fixture (inline relations, rows, errors)', async () => {
    const dirs = [MHHS, join(FIXTURES, 'good')];
    for (const name of await readdir(join(FIXTURES, 'error'))) dirs.push(join(FIXTURES, 'error', name));
    let relations = 0;
    let rows = 0;
    for (const dir of dirs) {
      for (const read of await readsOf(dir)) {
        const back = posted(read);
        expect(back, read.file).toStrictEqual(read);
        expect(JSON.stringify(back)).toBe(JSON.stringify(read));
        relations += read.read?.relations.length ?? 0;
        rows += read.read?.relations.filter((r) => r.endOrigins !== undefined).length ?? 0;
      }
    }
    // The comparison covers both kinds of relation draft.
    expect(relations).toBeGreaterThan(rows);
    expect(rows).toBeGreaterThan(0);
  });

  test('ids and relation names go into one table, each once', () => {
    const read: ModelFileRead = {
      file: 'model/x.yaml',
      diagnostics: [],
      read: {
        elements: [],
        relations: ['B', 'C', 'C'].map((target, i) => ({
          type: 'dependsOn',
          source: i < 2 ? 'A' : 'B',
          target,
          attributes: {},
          origin: { file: 'model/x.yaml', line: 2 + i, column: 3 },
          writtenBy: i < 2 ? 'A' : 'B',
          writtenAs: 'dependsOn',
        })),
        brokenIds: [],
        diagnostics: [],
      },
    };
    expect(packModelFileRead(read)?.read?.strings).toEqual(['dependsOn', 'A', 'B', 'C']);
    expect(posted(read)).toStrictEqual(read);
  });

  test('a packed read is recognised whole, and one that points past its tables is not (a damaged cache entry)', () => {
    const read: ModelFileRead = {
      file: 'model/x.yaml',
      diagnostics: [],
      read: {
        elements: [],
        relations: [
          {
            type: 'dependsOn',
            source: 'A',
            target: 'B',
            attributes: { note: 'n' },
            origin: { file: 'model/x.yaml', line: 2, column: 3 },
            writtenBy: 'A',
            writtenAs: 'dependsOn',
          },
        ],
        brokenIds: [],
        diagnostics: [],
      },
    };
    const packed = packModelFileRead(read)!;
    expect(isPackedModelFileRead(packed)).toBe(true);
    const columns = packed.read!.relations;
    for (const [at, bad] of [
      [1, 9],
      [0, -1],
      [5, 4],
      [3, -2],
    ] as const) {
      const damaged = Int32Array.from(columns);
      damaged[at] = bad;
      expect(isPackedModelFileRead({ ...packed, read: { ...packed.read!, relations: damaged } })).toBe(false);
    }
    expect(isPackedModelFileRead({ ...packed, read: { ...packed.read!, strings: [] } })).toBe(false);
    expect(
      isPackedModelFileRead({ ...packed, read: { ...packed.read!, elementOrigins: new Int32Array(4) } }),
    ).toBe(false);
    expect(isPackedModelFileRead({ file: 'model/x.yaml', diagnostics: [] })).toBe(true);
    expect(isPackedModelFileRead({ file: 'model/x.yaml' })).toBe(false);
  });

  test.each([
    ['a position in another file', { file: 'model/other.yaml', line: 1, column: 1 }],
    ['a position with a fraction', { file: 'model/x.yaml', line: 1.5, column: 1 }],
    ['a position with an extra key', { file: 'model/x.yaml', line: 1, column: 1, note: 'x' }],
  ])('declines %s (the read is then posted as it is)', (_, origin) => {
    const read = {
      file: 'model/x.yaml',
      diagnostics: [],
      read: {
        elements: [{ element: { id: 'A', kind: 'Service', name: 'a', attributes: {} }, origin }],
        relations: [],
        brokenIds: [],
        diagnostics: [],
      },
    } as unknown as ModelFileRead;
    expect(packModelFileRead(read)).toBeUndefined();
  });
});
