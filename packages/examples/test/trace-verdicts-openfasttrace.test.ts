import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generateOftItems } from '../src/bench/oft-shape/generate-oft-items.js';
import { openFastTraceJar, runOpenFastTrace } from '../src/bench/openfasttrace/run-openfasttrace.js';
import { compareVerdicts, runTraceryInProcess, writeBothForms } from './trace-verdicts.js';

// OpenFastTrace itself (fetched from Maven Central by `mvn dependency:copy`, run on Java 17) is the
// reference: on the same generated items, Tracery's deep-coverage verdicts must count the same
// uncovered items of each type. Not timed: the benchmark measures speed.
let dir: string;
let count: number;

beforeAll(async () => {
  ({ dir, count } = await writeBothForms(1_500, 7));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('coverage verdicts against OpenFastTrace', () => {
  test('the generator makes uncovered items at every level', () => {
    const items = generateOftItems(1_500, 7);
    expect(items.length).toBe(count);
    expect(new Set(items.map((i) => i.type))).toEqual(new Set(['req', 'dsn', 'impl', 'utest']));
  });

  test('Tracery counts the same uncovered items of each type as OpenFastTrace', async () => {
    const jar = await openFastTraceJar();
    const oft = await runOpenFastTrace(jar, join(dir, 'oft'));
    const tracery = await runTraceryInProcess(join(dir, 'tracery'));
    const verdicts = compareVerdicts(tracery, oft.defects);
    expect(verdicts.rows.find((r) => r.type === 'req')!.openFastTrace).toBeGreaterThan(0);
    expect(verdicts.rows.find((r) => r.type === 'impl')!.openFastTrace).toBeGreaterThan(0);
    expect(verdicts.rows.map((r) => [r.type, r.tracery])).toEqual(
      verdicts.rows.map((r) => [r.type, r.openFastTrace]),
    );
    expect(verdicts.agree).toBe(true);
  }, 180_000);
});
