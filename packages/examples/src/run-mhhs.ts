import { join } from 'node:path';
import { runCli } from '@tracery/cli';
import { runAssurance } from './mhhs-assurance.js';
import { EXAMPLE_NEO4J_URI, exportMhhsToNeo4j } from './mhhs-neo4j-export.js';

// The main job: the MHHS example end to end. Each step prints what a designer would see, and the
// run stops with the step's exit code if a step fails.
const repository = join(import.meta.dirname, '..', 'mhhs');
const out = join(repository, 'out');
/** `--format F --out out/NAME`: a step's report goes to a file in out/. */
const toFile = (name: string, format: string) => ['--format', format, '--out', join(out, name)];

type Step = {
  readonly title: string;
  readonly args: readonly string[];
  readonly expect?: number;
  /** A script step: runs this instead of the CLI (`args` then only label it). */
  readonly run?: () => Promise<number>;
};
const steps: Step[] = [
  { title: 'Validate the MHHS design repository', args: ['validate', repository] },
  { title: 'Count what it holds', args: ['stats', repository] },
  { title: 'Regenerate the JSON Schemas editors use', args: ['schema', repository] },
  {
    title: 'Test trace: requirements, what satisfies and verifies them, the latest results (Markdown)',
    args: ['trace', 'report', repository, '--format', 'md', '--out', join(out, 'test-trace.md')],
  },
  {
    title: 'Test trace as one self-contained HTML page',
    args: ['trace', 'report', repository, '--format', 'html', '--out', join(out, 'test-trace.html')],
  },
  {
    title: 'What satisfies and verifies REQ-LSS-018 (skipped in the last run)',
    args: ['trace', 'REQ-LSS-018', '--repo', repository, '--down', '--types', 'satisfiedBy,verifiedBy'],
  },
  {
    // The planted defects (IF-048, CR010) are errors: the check exits 1, as CI would fail.
    title: 'Design assurance with the default rules, as SARIF for code scanning',
    args: ['check', repository, '--format', 'sarif', '--out', join(out, 'check.sarif')],
    expect: 1,
  },
  {
    title: 'Design assurance script: the default rules and principles DP-03 and DP-11 (mhhs-assurance.ts)',
    args: ['(script)', 'mhhs-assurance', repository],
    expect: 1,
    run: () => runAssurance(repository, out),
  },
  {
    title: 'Impact of changing the GSP Group ID (DI-0023), two hops, each with the path that explains it',
    args: ['impact', 'DI-0023', '--repo', repository, '--depth', '2'],
  },
  ...['CR001', 'CR002', 'CR021', 'CR022', 'CR023'].map((cr) => ({
    title: `Assessment of ${cr}: impact, artefacts to re-issue, tests to re-run, parties, estimate (Markdown)`,
    args: ['impact', '--cr', cr, '--repo', repository, ...toFile(`${cr}-assessment.md`, 'md')],
  })),
  {
    title: 'Assessment of CR001 as JSON, for scripts',
    args: ['impact', '--cr', 'CR001', '--repo', repository, ...toFile('CR001-assessment.json', 'json')],
  },
  {
    title: 'Secondary addressing: the three options of DEC-021 side by side (parties, days, cost)',
    args: ['impact', '--decision', 'DEC-021', '--repo', repository],
  },
  {
    title: 'The options of DEC-021 side by side (Markdown)',
    args: ['impact', '--decision', 'DEC-021', '--repo', repository, ...toFile('DEC-021-options.md', 'md')],
  },
  {
    title: 'What changed since the committed baseline mhhs-v1 (Markdown)',
    args: ['diff', 'mhhs-v1', '--repo', repository, ...toFile('changes-since-mhhs-v1.md', 'md')],
  },
  {
    title: 'Suspect links: links whose ends changed since they were reviewed',
    args: ['review', '--repo', repository],
  },
  {
    title:
      'Design Artefact Tracker, Tranche 1: artefacts by service with RAG and months; review comments by status',
    args: ['tracker', '--repo', repository, '--tranche', 'T1'],
  },
  {
    title: 'The tracker as one HTML page, with the comments per interface and per constituency',
    args: ['tracker', '--repo', repository, ...toFile('tracker.html', 'html')],
  },
  {
    title:
      'The review comments written back as the programme keeps them: a comment log per artefact (XLSX and CSV)',
    args: ['export', 'comments', '--repo', repository, '--out', join(out, 'comment-logs')],
  },
  {
    title: 'What the BP018 diagram adds to the hand-written model (nothing: its steps and interfaces join)',
    args: [
      'import',
      'bpmn',
      join(repository, 'bpmn', 'bp018-load-shaping-service.bpmn'),
      '--repo',
      repository,
    ],
  },
  {
    title:
      'The participants site: dashboard, element pages, views, BPMN diagrams, search, impact explorer (open out/site/index.html)',
    args: ['site', '--repo', repository, '--out', join(out, 'site')],
  },
  {
    // Exports when a Neo4j answers (TRACERY_NEO4J_URI, else bolt://127.0.0.1:7687); otherwise says how to start one.
    title: 'Export the design to Neo4j, for Browser, Bloom and Cypher',
    args: ['export', 'neo4j', repository, '--uri', EXAMPLE_NEO4J_URI, '--prune'],
    run: () => exportMhhsToNeo4j(repository),
  },
];

for (const step of steps) {
  process.stdout.write(`\n== ${step.title}: tracery ${step.args.join(' ').replaceAll(repository, 'mhhs')}\n`);
  const code = step.run ? await step.run() : await runCli(step.args);
  if (code !== (step.expect ?? 0)) {
    process.stderr.write(`\nstep "${step.title}" exited with ${code}; stopping.\n`);
    process.exit(code || 1);
  }
  if (code !== 0) {
    process.stdout.write(
      `(exit ${code}, as expected: the example holds planted design defects, and CI would fail here)\n`,
    );
  }
}
process.stdout.write(`\nDone. Reports are in ${out}\n`);
