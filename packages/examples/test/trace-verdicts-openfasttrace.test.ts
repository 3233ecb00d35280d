import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { CoverageResult } from '@tracery/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { compareDefects } from '../src/bench/oft-shape/compare-defects.js';
import { type OftItem, oftId } from '../src/bench/oft-shape/generate-oft-items.js';
import { traceryId } from '../src/bench/oft-shape/write-tracery-items.js';
import { openFastTraceJar, runOpenFastTrace } from '../src/bench/openfasttrace/run-openfasttrace.js';
import { runTraceryInProcess, writeBothForms } from './trace-verdicts.js';

// OpenFastTrace itself (fetched from Maven Central by `mvn dependency:copy`, run on Java 17) is the
// reference: on the same generated items, including unwanted coverage, outdated links, rejected items
// and cycles, each item is a defect for both tools or for neither, except where Tracery differs on
// purpose (a withdrawn element covers nothing). Not timed: the benchmark measures speed.
let dir: string;
let generated: OftItem[];
let tracery: Awaited<ReturnType<typeof runTraceryInProcess>>;

beforeAll(async () => {
  ({ dir, generated } = await writeBothForms(1_500, 7, 0.3));
  tracery = await runTraceryInProcess(join(dir, 'tracery'));
}, 120_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const verdictOf = (coverage: CoverageResult, id: string) =>
  coverage.elements.find((e) => e.id === id)?.verdict;
const ids = (filter: (i: OftItem) => boolean) => generated.filter(filter).map((i) => traceryId(oftId(i)));

describe('coverage verdicts against OpenFastTrace, item by item', () => {
  test('the generator makes every scenario: unwanted, outdated, rejected, cycles', () => {
    expect(new Set(generated.map((i) => i.type))).toEqual(new Set(['req', 'dsn', 'impl', 'utest', 'spec']));
    expect(generated.some((i) => i.status === 'rejected')).toBe(true);
    expect(generated.some((i) => i.revision > 1)).toBe(true);
    expect(generated.some((i) => i.type === 'utest' && i.covers.some((c) => c.startsWith('req~')))).toBe(
      true,
    );
  });

  test("Tracery's own verdicts follow from the scenarios' meaning", () => {
    // Spec items only ever cover each other in rings: each is on a cycle.
    const specs = ids((i) => i.type === 'spec');
    expect(specs.length).toBeGreaterThan(0);
    for (const id of specs) expect(verdictOf(tracery.coverage, id), id).toBe('cycle');
    // A unit test covering a requirement is unwanted coverage, listed with both ends.
    const unwanted = generated.filter(
      (i) => i.type === 'utest' && i.covers.some((c) => c.startsWith('req~')),
    );
    for (const u of unwanted)
      expect(tracery.coverage.links).toContainEqual({
        relation: 'coveredBy',
        covered: traceryId(u.covers[0]!),
        by: traceryId(oftId(u)),
        reason: 'unwanted',
      });
    // A requirement of revision 2 is covered over an outdated link only: uncovered.
    for (const id of ids((i) => i.type === 'req' && i.revision === 2))
      expect(verdictOf(tracery.coverage, id), id).toBe('uncovered');
    // Rejected items are withdrawn in Tracery: left out.
    for (const id of ids((i) => i.status === 'rejected' && i.type === 'req'))
      expect(tracery.coverage.excluded).toContain(id);
  });

  test('each item is a defect for both tools or for neither, but where Tracery differs on purpose', async () => {
    const oft = await runOpenFastTrace(await openFastTraceJar(), join(dir, 'oft'));
    const compared = compareDefects(generated, oft.defectIds, tracery.defects, tracery.excludedCover);
    expect(compared.defects.openFastTrace).toBeGreaterThan(0);
    expect(compared.unexpected).toEqual([]);
    // The differences on purpose are requirements a rejected design covers, and only those.
    const coveredByRejected = new Set(
      generated.filter((i) => i.status === 'rejected').flatMap((i) => i.covers.map(traceryId)),
    );
    expect(compared.onPurpose.length).toBeGreaterThan(0);
    for (const d of compared.onPurpose) expect(coveredByRejected.has(d.id), d.id).toBe(true);
    expect(compared.agree + compared.onPurpose.length).toBe(generated.length);
  }, 180_000);
});
