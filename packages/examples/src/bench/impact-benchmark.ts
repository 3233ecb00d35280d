import { computeImpact, createSnapshot, diffSnapshots, type ImpactOptions, type Model } from '@tracery/core';
import { generateModel, seededRandom } from '@tracery/core/testing';
import type { BenchFigure, BenchResult } from './bench-result.js';

/** Generated models have about this many relations per element (measured on the generator). */
const RELATIONS_PER_ELEMENT = 1.83;

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;

function timeRuns(runs: number, once: (i: number) => number): { p50: number; p95: number; meanSize: number } {
  const times: number[] = [];
  let size = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    size += once(i);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), meanSize: Math.round(size / runs) };
}

const mib = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** The goal of issue 17: impact of one element, unbounded, on 1M relations, p50 under 10 ms. */
const GOAL_ONE_UNBOUNDED_MS = 10;

function impactFigures(model: Model, label: string, options: ImpactOptions, runs: number): BenchResult[] {
  const ids = [...model.elementIds()];
  const random = seededRandom(7);
  const pick = () => ids[random.int(ids.length)]!;
  const one = timeRuns(runs, () => computeImpact(model, [pick()], options).impacted.length);
  const hundred = timeRuns(Math.max(5, Math.floor(runs / 4)), () => {
    const seeds = Array.from({ length: 100 }, pick);
    return computeImpact(model, seeds, options).impacted.length;
  });
  const size = `${Math.round(model.relationCount / 1000)}k rel`;
  const row = (name: string, r: typeof one, goal?: number): BenchResult => ({
    benchmark: `${name} ${label}`,
    size,
    figures: [
      { name: 'p50', value: r.p50, unit: 'ms' },
      { name: 'p95', value: r.p95, unit: 'ms' },
      { name: 'impacted', value: r.meanSize, unit: '' },
      ...(goal === undefined ? [] : [{ name: 'goal p50', value: goal, unit: 'ms' }]),
    ],
  });
  const goal = label === 'unbounded' ? GOAL_ONE_UNBOUNDED_MS : undefined;
  return [row('impact-1', one, goal), row('impact-100', hundred)];
}

/**
 * Impact runs on generated models of about `relationCounts` relations: the one-off cost of the
 * propagation index, then p50 and p95 latency of one changed element and of a 100-element change
 * request, unbounded (the default effects), at depth 3, and with stop kinds (a user option).
 */
export async function impactBenchmark(
  relationCounts: readonly number[],
  runs: number,
): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const target of relationCounts) {
    const model = generateModel({ elements: Math.round(target / RELATIONS_PER_ELEMENT), seed: 42 });
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const start = performance.now();
    // The first impact run on a model builds its propagation index (kept until the model changes);
    // one hop from one element costs next to nothing beside the build.
    computeImpact(model, [model.elementIds().next().value!], { maxDepth: 1 });
    const indexMs = performance.now() - start;
    const indexFigures: BenchFigure[] = [
      { name: 'build', value: indexMs, unit: 'ms' },
      { name: 'heap', value: mib(process.memoryUsage().heapUsed - heapBefore), unit: 'MiB' },
      { name: 'rss', value: mib(process.memoryUsage().rss), unit: 'MiB' },
      { name: 'elements', value: model.elementCount, unit: '' },
      { name: 'relations', value: model.relationCount, unit: '' },
    ];
    // Collect the garbage of the build first: the runs below measure queries, not the build's clean-up.
    global.gc?.();
    results.push({
      benchmark: 'impact-index',
      size: `${Math.round(model.relationCount / 1000)}k rel`,
      figures: indexFigures,
    });
    // Unbounded, with the default effects: a path stops at a notified element, so a run costs what it
    // reaches, not the size of the graph.
    results.push(...impactFigures(model, 'unbounded', {}, runs));
    results.push(...impactFigures(model, 'depth-3', { maxDepth: 3 }, runs));
    const stops = ['Service', 'Role', 'BusinessProcess', 'ProcessStep', 'Requirement'];
    results.push(...impactFigures(model, 'stop-at', { stopAtKinds: stops }, runs));
  }
  return results;
}

/** Diff of two snapshots of `elements` elements that differ in 1% of their elements and relations. */
export async function snapshotDiffBenchmark(elements: number, runs: number): Promise<BenchResult[]> {
  const before = generateModel({ elements, seed: 42 });
  const after = before.clone();
  const random = seededRandom(3);
  const ids = [...after.elementIds()];
  for (let i = 0; i < elements / 100; i++) {
    const element = after.getElement(ids[random.int(ids.length)]!);
    after.putElement({ ...element, status: 'approved', attributes: { ...element.attributes, version: '2' } });
  }
  const relations = [...after.relations()];
  for (let i = 0; i < relations.length / 100; i++) {
    const relation = relations[random.int(relations.length)]!;
    if (after.hasRelation(relation)) after.removeRelation(relation);
  }
  let start = performance.now();
  const a = createSnapshot(before);
  const snapshotMs = performance.now() - start;
  const b = createSnapshot(after);
  const timing = timeRuns(runs, () => {
    const diff = diffSnapshots(a, b);
    return diff.elements.changed.length + diff.relations.removed.length;
  });
  start = performance.now();
  return [
    {
      benchmark: 'snapshot-diff',
      size: `${Math.round(elements / 1000)}k el`,
      figures: [
        { name: 'snapshot', value: snapshotMs, unit: 'ms' },
        { name: 'diff p50', value: timing.p50, unit: 'ms' },
        { name: 'diff p95', value: timing.p95, unit: 'ms' },
        { name: 'changes', value: timing.meanSize, unit: '' },
        { name: 'rss', value: mib(process.memoryUsage().rss), unit: 'MiB' },
      ],
    },
  ];
}
