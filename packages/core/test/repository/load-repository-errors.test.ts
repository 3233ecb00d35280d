import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatDiagnostic, type LoadedRepository, loadRepository, related, relationsOf } from '@tracery/core';
import { describe, expect, test } from 'vitest';

const FIXTURES = fileURLToPath(new URL('../fixtures/repository', import.meta.url));
const ERROR_DIR = join(FIXTURES, 'error');

/**
 * The diagnostic codes each broken repository is about. A load of the fixture must give these codes
 * and no other: a second code is a cascade (one mistake reported as many).
 */
const CASE_CODES: Readonly<Record<string, readonly string[]>> = {
  'alias-bomb': ['yaml-alias-limit'],
  binary: ['file-binary'],
  'cascade-after-invalid-config': ['invalid-config'],
  'cascade-after-invalid-extension': ['invalid-extension'],
  'cascade-after-yaml-syntax': ['yaml-syntax'],
  'constructor-key': ['forbidden-key'],
  'dangling-reference': ['dangling-reference'],
  'dangling-reference-row-from': ['dangling-reference'],
  'duplicate-id': ['duplicate-id'],
  'duplicate-key': ['duplicate-key'],
  'empty-file': ['file-empty'],
  'file-too-large': ['file-too-large'],
  'id-pattern': ['id-pattern'],
  'invalid-config': ['invalid-config'],
  'invalid-extension': ['invalid-extension'],
  'invalid-file-shape': ['invalid-file-shape'],
  'invalid-impact': ['invalid-config'],
  'invalid-impact-shape': ['invalid-config'],
  'invalid-value': ['invalid-value'],
  'missing-field': ['missing-field'],
  'non-utf8': ['invalid-encoding'],
  'partof-cycle': ['partof-cycle'],
  'proto-key': ['forbidden-key'],
  'relation-not-allowed': ['relation-not-allowed'],
  'relative-path-escape': ['invalid-config'],
  'symlink-outside': ['symlink-outside-repository'],
  'unknown-field': ['unknown-field'],
  'unknown-kind': ['unknown-kind'],
  'unknown-relation': ['unknown-relation'],
  'yaml-syntax': ['yaml-syntax'],
};

/**
 * Cases whose expected.txt says what the loader SHOULD give and does not yet: a cascade of unrelated
 * diagnostics, a missing diagnostic, or a wrong position. They are expected to fail; when the loader
 * is fixed, vitest reports them as passing unexpectedly, and the case moves out of this list.
 */
const KNOWN_DEFECTS: ReadonlySet<string> = new Set<string>([]);

const cases = (await readdir(ERROR_DIR, { withFileTypes: true }))
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/** Absolute paths in messages (a symlink's target) are written as `<fixtures>` in expected.txt. */
const realFixtures = await realpath(FIXTURES);

async function load(name: string): Promise<LoadedRepository> {
  return loadRepository(join(ERROR_DIR, name));
}

function render(loaded: LoadedRepository): string[] {
  const text = loaded.diagnostics.map(formatDiagnostic).join('\n').replaceAll(realFixtures, '<fixtures>');
  return text === '' ? [] : text.split('\n');
}

async function expectedLines(name: string): Promise<string[]> {
  const text = await readFile(join(ERROR_DIR, name, 'expected.txt'), 'utf8');
  return text.split('\n').filter((line, index, all) => line !== '' || index < all.length - 1);
}

/** A stable picture of Object.prototype: its own keys and property descriptors. */
function prototypeShape(): string {
  const proto = Object.prototype as Record<string, unknown>;
  return Reflect.ownKeys(proto)
    .map((key) => {
      const d = Object.getOwnPropertyDescriptor(proto, key)!;
      return `${String(key)}:${typeof d.value}:${String(d.writable)}:${String(d.enumerable)}:${String(d.configurable)}`;
    })
    .join('\n');
}

describe('loadRepository on broken repositories (golden diagnostics)', () => {
  test('every fixture folder in error/ is a known case, and every case has a folder', () => {
    expect(cases).toEqual(Object.keys(CASE_CODES).sort());
  });

  test.each(cases.filter((name) => !KNOWN_DEFECTS.has(name)))(
    '%s gives exactly expected.txt',
    async (name) => {
      // given a broken repository, when it loads, then the diagnostics are those of its golden file
      const loaded = await load(name);
      expect(render(loaded)).toEqual(await expectedLines(name));
    },
  );

  test.each(cases.filter((name) => !KNOWN_DEFECTS.has(name)))(
    '%s reports only the codes it is about, each with a position',
    async (name) => {
      const loaded = await load(name);
      const codes = [...new Set(loaded.diagnostics.map((d) => d.code))].sort();
      expect(codes).toEqual([...(CASE_CODES[name] ?? [])].sort());
      for (const diagnostic of loaded.diagnostics)
        expect(diagnostic.source, diagnostic.message).toBeDefined();
    },
  );

  test.fails.each([...KNOWN_DEFECTS].sort())('%s gives exactly expected.txt (known defect)', async (name) => {
    const loaded = await load(name);
    expect(render(loaded)).toEqual(await expectedLines(name));
  });
});

describe('loadRepository against hostile input', () => {
  test('__proto__ keys are refused and pollute nothing', async () => {
    const before = prototypeShape();
    const { model } = await load('proto-key');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(prototypeShape()).toEqual(before);
    for (const id of ['IF-021', 'IF-022']) {
      const element = model.getElement(id);
      expect(Object.getPrototypeOf(element)).toBe(Object.prototype);
      expect(Object.getPrototypeOf(element.attributes)).toBe(Object.prototype);
      expect(element.attributes).toEqual({});
    }
  });

  test('constructor and prototype keys are refused, and the rest of the element still loads', async () => {
    const before = prototypeShape();
    const { model } = await load('constructor-key');
    expect(prototypeShape()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn(model.getElement('IF-021'), 'constructor')).toBe(false);
    expect(model.getElement('IF-021').attributes).toEqual({});
    expect(related(model, 'IF-022', 'sentBy')).toEqual(['LSS']);
  });

  test('an alias bomb is refused without expanding it; the other files load', async () => {
    const { model } = await load('alias-bomb');
    expect(model.hasElement('IF-021')).toBe(false);
    expect(model.hasElement('SDS')).toBe(true);
  });

  test.each(['symlink-outside', 'relative-path-escape'])(
    '%s loads nothing from outside the repository',
    async (name) => {
      const loaded = await load(name);
      expect(loaded.model.hasElement('IF-099')).toBe(false);
      expect(loaded.model.hasElement('SDS')).toBe(true);
      expect(loaded.files.filter((file) => file.startsWith('..'))).toEqual([]);
    },
  );

  test('the byte-level fixtures hold what their names say', async () => {
    const model = (name: string, file: string) => join(ERROR_DIR, name, 'model', file);
    const latin1 = await readFile(model('non-utf8', 'interfaces.yaml'));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(latin1)).toThrow();
    expect((await readFile(model('binary', 'interfaces.yaml'))).includes(0)).toBe(true);
    expect((await stat(model('empty-file', 'tranche2.yaml'))).size).toBe(0);
    expect((await stat(model('file-too-large', 'data-items.yaml'))).size).toBeGreaterThan(512);
    expect((await lstat(model('symlink-outside', 'link.yaml'))).isSymbolicLink()).toBe(true);
    expect((await lstat(model('symlink-outside', 'shared'))).isSymbolicLink()).toBe(true);
  });
});

describe('loadRepository on the good repository', () => {
  test('it loads with no diagnostic', async () => {
    const { diagnostics, files } = await loadRepository(join(FIXTURES, 'good'));
    expect(diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(files).toEqual([
      'model/artefacts.json',
      'model/data/blocks.yml',
      'model/interfaces.yaml',
      'model/requirements.yaml',
      'model/services.yaml',
      'tracery.yaml',
    ]);
  });

  test('every feature of the file format arrives in the model', async () => {
    const { model } = await loadRepository(join(FIXTURES, 'good'));
    expect([model.elementCount, model.relationCount]).toEqual([20, 26]);
    // inline relations by name and by inverse name, with and without attributes
    expect(related(model, 'IF-021', 'sentBy')).toEqual(['ADS', 'SDS']);
    expect(related(model, 'IF-021', 'receivedBy')).toEqual(['LDSO', 'MDS', 'SUP']);
    const ldso = relationsOf(model, 'IF-021', { type: 'receivedBy' }).find((r) => r.other === 'LDSO');
    expect(ldso?.relation.attributes).toEqual({ note: 'LDSO receives it for network planning.' });
    expect(related(model, 'DE-M0', 'hasPart')).toEqual(['DI-0102', 'DI-0103']);
    expect(related(model, 'IF-021', 'carries')).toEqual(['DI-0102', 'DI-0103']);
    // top-level relations rows, with an inverse name and with a declared attribute
    expect(related(model, 'IF-022', 'receivedBy')).toEqual(['ADS', 'SDS']);
    const change = relationsOf(model, 'CR-007', { type: 'changes' })[0];
    expect(change?.relation.attributes).toEqual({ nature: 'modify', note: 'Adds the estimation flag.' });
    // the extension: a new kind with an id pattern, an attribute, and a relation type with attributes
    expect(model.getElement('M5').kind).toBe('Milestone');
    expect(model.getElement('IF-021').attributes.dipMessageType).toBe('ConsumptionData');
    const delivered = relationsOf(model, 'M5', { type: 'delivers' });
    expect(delivered.map((r) => [r.other, r.relation.attributes.confidence])).toEqual([
      ['IF-021', 'high'],
      ['MHHSP-IF-021', 'medium'],
    ]);
    expect(related(model, 'REQ-LSS-001', 'refines')).toEqual(['DEC-012', 'DP-11']);
    // the JSON file, and YAML aliases under the limit
    expect(model.getElement('MHHSP-IF-021').attributes.commentsAccepted).toBe(20);
    expect(model.getElement('DI-0102').tags).toEqual(['mpan', 'metering-point']);
  });
});
