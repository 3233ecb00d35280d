import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { bpmnSourceLoader } from '@tracery/bpmn';
import { computeStats, type LoadedRepository, loadRepository, related } from '@tracery/core';
import { commentStatuses } from '@tracery/core/advanced';
import { commentFileJsonSchema, jsonSchemas } from '@tracery/core/schemas';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';

const MHHS = join(import.meta.dirname, '..', 'mhhs');
let loaded: LoadedRepository;

beforeAll(async () => {
  loaded = await loadRepository(MHHS, { loaders: [bpmnSourceLoader()] });
});

describe('the MHHS example repository', () => {
  test('loads with no diagnostic at all', () => {
    expect(loaded.diagnostics).toEqual([]);
  });

  test('holds several hundred elements of every default kind it needs', () => {
    const stats = computeStats(loaded.model);
    expect(stats.elements).toBeGreaterThanOrEqual(400);
    expect(stats.countsByKind).toMatchObject({ Principle: 16, BusinessProcess: 15 });
    expect(stats.countsByKind.ChangeRequest).toBeGreaterThanOrEqual(2);
    // The 40 interfaces of the programme's catalogue are all there (drafts beyond them may be too).
    const published = [1, 2, 3, 4, 5, 6, 7, 8, 9, 13, 14, 15, 16, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28];
    published.push(31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 43, 44, 45, 47, 50);
    const ids = published.map((n) => `IF-${String(n).padStart(3, '0')}`);
    expect(ids).toHaveLength(40);
    for (const id of ids) expect(loaded.model.findElement(id)?.kind, id).toBe('Interface');
    for (const kind of [
      'Service',
      'Role',
      'ProcessStep',
      'DataEntity',
      'DataItem',
      'Requirement',
      'Artefact',
      'Decision',
    ]) {
      expect(stats.countsByKind[kind], kind).toBeGreaterThan(0);
    }
  });

  test.each([
    ['IF-031', ['SUP'], ['REGS']],
    ['IF-025', ['SUP'], ['REGS']],
    ['IF-032', ['REGS'], ['SUP']],
    ['IF-035', ['REGS'], ['SUP']],
    ['IF-036', ['REGS'], ['SUP']],
  ])('%s goes from %j to %j, as the programme publishes it', (id, senders, receivers) => {
    expect(related(loaded.model, id, 'sentBy').filter((s) => !s.includes('-'))).toEqual(senders);
    expect(related(loaded.model, id, 'receivedBy').filter((s) => !s.includes('-'))).toEqual(receivers);
  });

  test('IF-021 goes from the data services to MDS, the Supplier and the LDSO; IF-022/023 from LSS to the data services', () => {
    const services = (id: string, name: string) =>
      related(loaded.model, id, name).filter((s) => !s.includes('-'));
    expect(services('IF-021', 'receivedBy')).toEqual(['LDSO', 'MDS', 'SUP']);
    expect(services('IF-021', 'sentBy')).toEqual(expect.arrayContaining(['ADS', 'SDS']));
    for (const id of ['IF-022', 'IF-023']) {
      expect(services(id, 'sentBy')).toEqual(['LSS']);
      expect(services(id, 'receivedBy')).toEqual(expect.arrayContaining(['ADS', 'SDS']));
    }
  });

  test('the committed editor schemas are the ones `tracery schema` generates now', async () => {
    const schemas = jsonSchemas(loaded.metamodel);
    const read = async (name: string) => JSON.parse(await readFile(join(MHHS, '.tracery', name), 'utf8'));
    expect(await read('model.schema.json')).toEqual(schemas.model);
    expect(await read('tracery.schema.json')).toEqual(schemas.config);
    expect(await read('comments.schema.json')).toEqual(
      commentFileJsonSchema(commentStatuses(loaded.config.comments)),
    );
  });

  test('every comment file names the comment-file schema on its first line and is valid against it', async () => {
    const validate = new Ajv2020({ strict: false }).compile(
      commentFileJsonSchema(commentStatuses(loaded.config.comments)),
    );
    const files = (await readdir(join(MHHS, 'comments'), { recursive: true })).filter((f) =>
      f.endsWith('.yaml'),
    );
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const text = await readFile(join(MHHS, 'comments', file), 'utf8');
      expect(text.split('\n')[0], file).toBe(
        '# yaml-language-server: $schema=../../.tracery/comments.schema.json',
      );
      expect(validate(parse(text)), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });
});
