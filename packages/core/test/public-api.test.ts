import * as root from '@tracery/core';
import * as advanced from '@tracery/core/advanced';
import * as escapeEntry from '@tracery/core/escape';
import * as render from '@tracery/core/render';
import * as schemas from '@tracery/core/schemas';
import * as testing from '@tracery/core/testing';
import { describe, expect, test } from 'vitest';
import { apiExports, docOf, ENTRIES } from './api/api-surface.js';

const MODULES: Readonly<Record<string, object>> = {
  '@tracery/core': root,
  '@tracery/core/schemas': schemas,
  '@tracery/core/render': render,
  '@tracery/core/escape': escapeEntry,
  '@tracery/core/advanced': advanced,
  '@tracery/core/testing': testing,
};

const reportFile = (entry: string) => `./api/${entry.replace('@tracery/', '').replace('/', '.')}.api.txt`;

// The public surface, pinned: each entry point's exports (values and types, with what each is) are
// kept in test/api/<entry>.api.txt, so an added, removed or changed export shows up as a diff there.
// Update on purpose with `pnpm vitest run packages/core/test/public-api.test.ts -u`.
describe.each(Object.keys(ENTRIES))('the public API of %s', (entry) => {
  const exports = apiExports(ENTRIES[entry]!);

  test('matches its API report', async () => {
    const report = exports.map((e) => `${e.what} ${e.name}`).join('\n');
    await expect(`${report}\n`).toMatchFileSnapshot(reportFile(entry));
  });

  test('exports at run time exactly the values the compiler sees', () => {
    const values = exports.filter((e) => e.what !== 'type').map((e) => e.name);
    expect(Object.keys(MODULES[entry]!).sort()).toEqual(values);
  });
});

describe('the root entry point is lean and documented', () => {
  const exports = apiExports(ENTRIES['@tracery/core']!);

  test('every class and function has a TSDoc summary and an @example', () => {
    const undocumented = exports
      .filter((e) => e.what === 'class' || e.what === 'function')
      .filter((e) => {
        const doc = docOf(e.declaration);
        return doc.summary.trim() === '' || !doc.tags.includes('example');
      })
      .map((e) => e.name);
    expect(undocumented).toEqual([]);
  });

  test('every type and constant has a TSDoc summary', () => {
    const undocumented = exports
      .filter((e) => e.what === 'type' || e.what === 'const')
      .filter((e) => docOf(e.declaration).summary.trim() === '')
      .map((e) => e.name);
    expect(undocumented).toEqual([]);
  });

  test.each([
    'propagationIndex',
    'PropagationIndex',
    'decodeXml',
    'editDistance',
    'stepRelation',
    'REPORT_CSS',
  ])('the internal %s is exported from no entry point', (name) => {
    for (const entry of Object.keys(ENTRIES))
      expect(apiExports(ENTRIES[entry]!).map((e) => e.name)).not.toContain(name);
  });

  test('no zod schema is exported from the root', () => {
    expect(exports.filter((e) => /Schema$/.test(e.name) && e.what !== 'type').map((e) => e.name)).toEqual([]);
  });
});
