import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { escapeName } from '../../src/cypher/cypher-name.js';
import { Neo4jQueryError } from '../../src/errors/neo4j-errors.js';
import { exportModel } from '../../src/export/export-model.js';
import { resolveScope } from '../../src/export/graph-scope.js';
import { NodeRefs } from '../../src/export/node-refs.js';
import { readGraphState } from '../../src/export/read-graph-state.js';
import { columnsWriteQuery } from '../../src/export/relationship-columns.js';
import { nodeUpsertQuery, relationshipUpsertQuery } from '../../src/export/upsert-rows.js';
import { emptyCounters } from '../../src/export/write-counters.js';
import { nodeWriteQuery, relationshipWriteQuery, writeRelationships } from '../../src/export/write-rows.js';
import { dropLabel, rows, testDriver, uniqueLabel } from '../helpers/neo4j.js';
import { sampleModel } from '../helpers/sample-model.js';

let driver: Driver;
const label = uniqueLabel('Plans');
const other = uniqueLabel('PlansOther');
const L = escapeName(label, 'label');
const scope = resolveScope({ elementLabel: label }, 'WRITE');

beforeAll(async () => {
  driver = testDriver();
  // A graph under the label (constraint, indexes, nodes), so the planner plans as on a real export.
  await exportModel(driver, sampleModel(), { elementLabel: label });
});
afterAll(async () => {
  await dropLabel(driver, label);
  await dropLabel(driver, other);
  await driver.close();
});

/** The operators of a query's plan (EXPLAIN: nothing runs), leaves included. */
async function operators(query: string, params: Record<string, unknown>): Promise<string[]> {
  const { summary } = await driver.executeQuery(`EXPLAIN ${query}`, params);
  const out: string[] = [];
  const walk = (plan: { operatorType: string; children: unknown[] }) => {
    out.push(plan.operatorType.replace(/@.*$/, ''));
    for (const child of plan.children) walk(child as typeof plan);
  };
  walk(summary.plan as unknown as { operatorType: string; children: unknown[] });
  return out;
}

const SCANS = ['AllNodesScan', 'NodeByLabelScan', 'NodeIndexScan', 'DirectedRelationshipTypeScan'];

describe('the plans of the write queries (each row found without a scan)', () => {
  test('new relationships find both ends by element id, not through the id index', async () => {
    const query = relationshipWriteQuery(scope, 'PART_OF', 'create', ['__tracery_hash'], 'ref');
    const ops = await operators(query, { rows: [['1', 'A', [['2', 'B', 'h']]]], prefix: '4:x:' });

    expect(ops.filter((op) => op === 'NodeByElementIdSeek')).toHaveLength(2);
    expect(ops.some((op) => op.startsWith('NodeUniqueIndexSeek'))).toBe(false);
    expect(ops.filter((op) => SCANS.includes(op))).toEqual([]);
  });

  test.each(['text', 'parameter'] as const)(
    'a batch whose rows share their properties gets them once, with the same seeks and no Eager step (type as %s)',
    async (typeAs) => {
      const query = relationshipWriteQuery(scope, 'PART_OF', 'create', 'shared', 'ref', typeAs);
      const ops = await operators(query, {
        rows: [['1', 'A', [['2', 'B']]]],
        prefix: '4:x:',
        props: { __tracery_hash: 'h' },
        type: 'PART_OF',
      });

      expect(query).toContain('$props');
      expect(ops.filter((op) => op === 'NodeByElementIdSeek')).toHaveLength(2);
      expect(ops).not.toContain('Eager');
      expect(ops.filter((op) => SCANS.includes(op))).toEqual([]);
    },
  );

  test.each(['text', 'parameter'] as const)(
    'a batch of relations without attributes sets no properties at all, with the same seeks and no Eager step (type as %s)',
    async (typeAs) => {
      const query = relationshipWriteQuery(scope, 'PART_OF', 'create', [], 'ref', typeAs);
      const ops = await operators(query, {
        rows: [['1', 'A', [['2', 'B']]]],
        prefix: '4:x:',
        type: 'PART_OF',
      });

      expect(query).not.toMatch(/\$props|\{\s*\}/);
      expect(ops.filter((op) => op === 'NodeByElementIdSeek')).toHaveLength(2);
      expect(ops).not.toContain('Eager');
      expect(ops.filter((op) => SCANS.includes(op))).toEqual([]);
    },
  );

  test.each(['text', 'parameter'] as const)(
    'a batch without properties sent as columns finds both ends by element id, with no Eager step (type as %s)',
    async (typeAs) => {
      const type = typeAs === 'parameter' ? '$($type)' : 'PART_OF';
      const query = columnsWriteQuery(L, type);
      const texts = { starts: '1', startIds: 'A', ends: '2', endIds: 'B', offsets: '0,1', sep: ',' };
      const ops = await operators(query, { ...texts, prefix: '4:x:', type: 'PART_OF' });

      expect(ops.filter((op) => op === 'NodeByElementIdSeek')).toHaveLength(2);
      expect(ops.some((op) => op.startsWith('NodeUniqueIndexSeek'))).toBe(false);
      expect(ops).not.toContain('Eager');
      expect(ops.filter((op) => SCANS.includes(op))).toEqual([]);
    },
  );

  test('without element ids, both ends are sought in the id index', async () => {
    const query = relationshipWriteQuery(scope, 'PART_OF', 'create', ['__tracery_hash'], 'id');
    const ops = await operators(query, { rows: [['A', 'B', 'h']] });

    expect(ops.filter((op) => op.startsWith('NodeUniqueIndexSeek'))).toHaveLength(2);
    expect(ops.filter((op) => SCANS.includes(op))).toEqual([]);
  });

  test.each([
    ['node update', () => nodeWriteQuery(scope, 'Requirement', 'update'), { id: 'A', props: {} }],
    [
      'relationship update',
      () => relationshipWriteQuery(scope, 'PART_OF', 'update'),
      { s: 'A', t: 'B', p: {} },
    ],
    ['node merge', () => nodeUpsertQuery(scope, 'Requirement'), { id: 'A', hash: 'h', props: {} }],
    [
      'relationship merge',
      () => relationshipUpsertQuery(scope, 'PART_OF'),
      { source: 'A', target: 'B', hash: 'h', props: {} },
    ],
  ])('%s finds its rows through the id index', async (_, query, row) => {
    const ops = await operators(query(), { rows: [row], kind: 'Requirement' });

    expect(ops.some((op) => op.startsWith('NodeUniqueIndexSeek'))).toBe(true);
    expect(ops.filter((op) => SCANS.includes(op))).toEqual([]);
  });
});

describe('ends found by element id are checked', () => {
  test.each([
    ['text', 'rows', { __tracery_hash: 'h' }],
    ['parameter', 'rows', { __tracery_hash: 'h' }],
    ['text', 'columns', {}],
    ['parameter', 'columns', {}],
  ] as const)(
    'an element id that names another node (another id, or the same id under another label), at either end, creates nothing (type as %s, sent as %s)',
    async (typeAs, shape, props) => {
      const type = `PLAN_CHECK_${typeAs.toUpperCase()}_${shape.toUpperCase()}`;
      const state = await driver.executeQuery(
        `CREATE (n:${escapeName(other, 'label')} {id: 'BP001'}) RETURN elementId(n) AS ref`,
      );
      const foreign = String(state.records[0]!.get('ref'));
      const session = driver.session(scope.session);
      try {
        const { refs } = await readGraphState(session, scope);
        const elementIds = new Map(
          (await rows(driver, `MATCH (n:${L}) RETURN n.id AS id, elementId(n) AS ref`)).map(
            (r) => [String(r.id), String(r.ref)] as const,
          ),
        );
        const row = { source: 'BP001-01', target: 'BP001', hash: 'h', props };
        const misleads: [string, string][] = [
          ['BP001', elementIds.get('BP001-02')!],
          ['BP001', foreign],
          ['BP001-01', elementIds.get('BP001-02')!],
          ['BP001-01', foreign],
        ];
        for (const [end, wrong] of misleads) {
          const misled = new NodeRefs();
          for (const [id, ref] of elementIds) misled.set(id, id === end ? wrong : ref);

          const error = await writeRelationships(
            session,
            scope,
            type,
            'create',
            [row],
            emptyCounters(),
            misled,
            typeAs,
          ).catch((e) => e);

          expect(error).toBeInstanceOf(Neo4jQueryError);
          expect(error.message).toContain('could not find their end nodes');
        }
        expect(await rows(driver, `MATCH ()-[r:${type}]->() RETURN count(r) AS n`)).toEqual([{ n: 0 }]);

        await writeRelationships(session, scope, type, 'create', [row], emptyCounters(), refs, typeAs);

        expect(await rows(driver, `MATCH (s:${L})-[:${type}]->(t:${L}) RETURN s.id AS s, t.id AS t`)).toEqual(
          [{ s: 'BP001-01', t: 'BP001' }],
        );
      } finally {
        await session.close();
      }
    },
  );
});
