import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { escapeName } from '../../src/cypher/cypher-name.js';
import { exportModel } from '../../src/export/export-model.js';
import { resolveScope } from '../../src/export/graph-scope.js';
import type { RelationshipRow } from '../../src/export/plan-export.js';
import { readGraphState } from '../../src/export/read-graph-state.js';
import { relationshipTypeSyntax, syntaxForAgent } from '../../src/export/relationship-type-syntax.js';
import { emptyCounters } from '../../src/export/write-counters.js';
import { relationshipWriteQuery, writeRelationships } from '../../src/export/write-rows.js';
import { dropLabel, rows, testDriver, uniqueLabel } from '../helpers/neo4j.js';
import { sampleModel } from '../helpers/sample-model.js';

describe('the syntax of relationship types a server accepts, from its agent string', () => {
  test.each([
    ['Neo4j/5.26.0', 'parameter'],
    ['Neo4j/5.26.30', 'parameter'],
    ['Neo4j/2025.01.0', 'parameter'],
    ['Neo4j/5.25.1', 'text'],
    ['Neo4j/5.9.0', 'text'],
    ['Neo4j/4.4.40', 'text'],
    ['Memgraph/2.1', 'text'],
    [undefined, 'text'],
  ] as const)('%s: %s', (agent, expected) => {
    expect(syntaxForAgent(agent)).toBe(expected);
  });

  test('one text serves every type as a parameter; in the text, each type has its own', () => {
    const scope = resolveScope({ elementLabel: 'Element' }, 'WRITE');
    const text = (type: string, typeAs: 'text' | 'parameter') =>
      relationshipWriteQuery(scope, type, 'create', 'shared', 'ref', typeAs);

    expect(text('PART_OF', 'parameter')).toBe(text('SATISFIES', 'parameter'));
    expect(text('PART_OF', 'parameter')).not.toContain('PART_OF');
    expect(text('PART_OF', 'text')).not.toBe(text('SATISFIES', 'text'));
  });
});

describe('new relationships with the type in the text or as a parameter', () => {
  let driver: Driver;
  const label = uniqueLabel('TypeSyntax');
  const L = escapeName(label, 'label');
  const scope = resolveScope({ elementLabel: label }, 'WRITE');

  beforeAll(async () => {
    driver = testDriver();
    await exportModel(driver, sampleModel(), { elementLabel: label });
  });
  afterAll(async () => {
    await dropLabel(driver, label);
    await driver.close();
  });

  test('the test server (5.26) takes the type as a parameter', async () => {
    expect(await relationshipTypeSyntax(driver)).toBe('parameter');
  });

  // Types a quoted name must escape (backtick, space) or that look like Cypher, each way of finding
  // the ends (element id, id index), rows that share their properties and rows that do not.
  const shared = { __tracery_hash: 'h0' };
  const cases = [
    { name: 'shared properties, ends by element id', shared: true, byRef: true },
    { name: 'own properties, ends by element id', shared: false, byRef: true },
    { name: 'shared properties, ends through the id index', shared: true, byRef: false },
    { name: 'no properties (sent as columns), ends by element id', shared: 'none', byRef: true },
    { name: 'no properties, ends through the id index', shared: 'none', byRef: false },
  ] as const;
  const propsOf = (share: boolean | 'none', hash: string, note: string) =>
    share === 'none' ? {} : share ? shared : { __tracery_hash: hash, note };
  test.each(cases)('$name: both write the same relationships', async ({ shared: share, byRef, name }) => {
    const session = driver.session(scope.session);
    try {
      const { refs } = await readGraphState(session, scope);
      const found: unknown[] = [];
      for (const typeAs of ['text', 'parameter'] as const) {
        const type = `X \`${typeAs}\` ${name} ]->() DELETE r //`;
        const ends: [string, string, string][] = [
          ['BP001-01', 'BP001', 'h1'],
          ['BP001-01', 'BP001-02', 'h2'],
          ['BP001-02', 'BP001', 'h3'],
        ];
        const batch: RelationshipRow[] = ends.map(([source, target, hash]) => ({
          source,
          target,
          hash,
          props: propsOf(share, hash, `${source}>${target}`),
        }));
        const counters = emptyCounters();

        await writeRelationships(
          session,
          scope,
          type,
          'create',
          batch,
          counters,
          byRef ? refs : undefined,
          typeAs,
        );

        expect(counters.relationshipsCreated).toBe(3);
        found.push(
          await rows(
            driver,
            `MATCH (s:${L})-[r]->(t:${L}) WHERE type(r) = $type
             RETURN s.id AS s, t.id AS t, properties(r) AS p ORDER BY s, t`,
            { type },
          ),
        );
      }
      const expected = [
        ['BP001-01', 'BP001', 'h1'],
        ['BP001-01', 'BP001-02', 'h2'],
        ['BP001-02', 'BP001', 'h3'],
      ].map(([s, t, hash]) => ({
        s,
        t,
        p: propsOf(share, hash as string, `${s}>${t}`),
      }));
      expect(found).toEqual([expected, expected]);
    } finally {
      await session.close();
    }
  });
});
