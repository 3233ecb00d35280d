import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { defaultMetamodel, loadRepository, Model } from '@tracery/core';
import {
  type Comment,
  commentFilePath,
  computeTracker,
  DEFAULT_COMMENT_STATUSES,
  loadComments,
} from '@tracery/core/advanced';
import { renderCommentFile, renderTrackerText } from '@tracery/core/render';
import type { BenchResult } from './bench-result.js';

const SERVICES = ['REGS', 'MSS', 'MSA', 'SDS', 'ADS', 'UMSDS', 'MDS', 'LSS', 'VAS', 'ISD', 'DIP', 'EES'];
const CONSTITUENCIES = [
  'Large Supplier',
  'Medium Supplier',
  'Small Supplier',
  'Supplier Agent',
  'DNO',
  'iDNO',
  'Central Systems',
  'Code Body',
];
const STATUSES = DEFAULT_COMMENT_STATUSES.map((s) => s.name);

/** A model of `artefacts` Artefacts in 4 tranches and 12 services, with one Interface per 5 artefacts. */
function trackerModel(artefacts: number): Model {
  const model = new Model(defaultMetamodel());
  for (let i = 0; i < artefacts; i++) {
    const id = `ART-${String(i).padStart(6, '0')}`;
    model.addElement({
      id,
      kind: 'Artefact',
      name: `Artefact ${i}`,
      status: i % 3 === 0 ? 'baselined' : 'in-review',
      tranche: `T${1 + (i % 4)}`,
      attributes: {
        service: SERVICES[i % SERVICES.length]!,
        ragLastMonth: 'Amber',
        ragThisMonth: i % 2 ? 'Green' : 'Amber',
        expectedMonth: '2026-01',
      },
    });
    if (i % 5 === 0) {
      const iface = `IF-${String(i / 5).padStart(5, '0')}`;
      model.addElement({ id: iface, kind: 'Interface', name: `Interface ${i / 5}`, attributes: {} });
      model.addRelation({ type: 'documentedIn', source: iface, target: id, attributes: {} });
    }
  }
  return model;
}

/** `count` comments spread over the artefacts, 60 organisations in 8 constituencies, all statuses. */
function trackerComments(artefacts: number, count: number): Comment[] {
  const comments: Comment[] = [];
  for (let i = 0; i < count; i++) {
    const organisation = i % 60;
    comments.push({
      id: `C-${String(i).padStart(7, '0')}`,
      artefact: `ART-${String(i % artefacts).padStart(6, '0')}`,
      round: 'R1',
      organisation: `Organisation ${organisation}`,
      constituency: CONSTITUENCIES[organisation % CONSTITUENCIES.length]!,
      text: `Comment ${i} on the design.`,
      status: STATUSES[(i * 7) % STATUSES.length]!,
      ...(i % 4 === 0 ? { element: `IF-${String(Math.floor((i % artefacts) / 5)).padStart(5, '0')}` } : {}),
    });
  }
  return comments;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function writeRepository(dir: string, model: Model, comments: readonly Comment[]): Promise<void> {
  await writeFile(join(dir, 'tracery.yaml'), 'name: tracker benchmark\n');
  await mkdir(join(dir, 'model'), { recursive: true });
  const lines = ['elements:'];
  for (const e of model.elements()) {
    lines.push(
      `  - { id: ${e.id}, kind: ${e.kind}, name: "${e.name}"${e.status ? `, status: ${e.status}` : ''}${e.tranche ? `, tranche: ${e.tranche}` : ''}${Object.entries(
        e.attributes,
      )
        .map(([k, v]) => `, ${k}: "${String(v)}"`)
        .join('')} }`,
    );
  }
  lines.push('relations:');
  for (const r of model.relations())
    lines.push(`  - { from: ${r.source}, type: ${r.type}, to: ${r.target} }`);
  await writeFile(join(dir, 'model/design.yaml'), `${lines.join('\n')}\n`);
  const byArtefact = new Map<string, Comment[]>();
  for (const c of comments) {
    const group = byArtefact.get(c.artefact);
    if (group) group.push(c);
    else byArtefact.set(c.artefact, [c]);
  }
  for (const [artefact, list] of byArtefact) {
    const path = join(dir, commentFilePath(artefact, 'R1'));
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, renderCommentFile(artefact, 'R1', list));
  }
}

/**
 * The Design Artefact Tracker over `artefacts` artefacts and `comments` comments: the computation in
 * memory (median of `repeats` runs, and its text rendering), and loading and validating the comment
 * files from disk (one file per artefact).
 */
export async function trackerBenchmark(
  artefacts: number,
  count: number,
  repeats: number,
): Promise<BenchResult[]> {
  const model = trackerModel(artefacts);
  const comments = trackerComments(artefacts, count);
  const times: number[] = [];
  let total = 0;
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    const tracker = computeTracker(model, comments);
    renderTrackerText(tracker);
    times.push(performance.now() - start);
    total = tracker.totals.comments.total;
  }
  if (total !== count) throw new Error(`the tracker counted ${total} comments of ${count}`);
  const dir = await mkdtemp(join(tmpdir(), 'tracery-tracker-bench-'));
  try {
    await writeRepository(dir, model, comments);
    const start = performance.now();
    const loaded = await loadRepository(dir);
    const read = await loadComments(loaded);
    const loadMs = performance.now() - start;
    if (read.comments.length !== count || read.diagnostics.length > 0)
      throw new Error(
        `loaded ${read.comments.length} comments of ${count} with ${read.diagnostics.length} diagnostics`,
      );
    const ms = median(times);
    return [
      {
        benchmark: 'tracker',
        size: `${artefacts}/${count}`,
        figures: [
          { name: 'compute+render', value: ms, unit: 'ms' },
          { name: 'comments/s', value: Math.round((count / ms) * 1000), unit: '' },
          { name: 'load+validate', value: loadMs, unit: 'ms' },
          { name: 'loaded comments/s', value: Math.round((count / loadMs) * 1000), unit: '' },
          { name: 'heap', value: Math.round(process.memoryUsage().heapUsed / 2 ** 20), unit: 'MiB' },
        ],
      },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
