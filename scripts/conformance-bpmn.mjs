#!/usr/bin/env node
// The BPMN conformance run: every file of the BPMN MIWG suite (831 files) through the importer, and
// every diagram with a task imported with createMissing into a repository that then validates, and
// the drops found by looking ids up checked against a walk over bpmn-moddle's tree, and the mapping's
// origins read in document order checked against the look-up by id, file by file.
// Usage: pnpm conformance:bpmn [corpus-folder]   (default: ../shared/corpora/bpmn-miwg beside the repository)
// It fails, never skips, when the corpus is missing.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const corpus = resolve(
  root,
  process.argv[2] ?? process.env.TRACERY_BPMN_CORPUS ?? '../shared/corpora/bpmn-miwg',
);
if (!existsSync(join(corpus, 'COUNTS.tsv'))) {
  console.error(
    `conformance:bpmn: the BPMN MIWG corpus is missing: no COUNTS.tsv in ${corpus}.\n` +
      'Pass its folder (pnpm conformance:bpmn DIR) or set TRACERY_BPMN_CORPUS.',
  );
  process.exit(1);
}
const vitest = spawnSync(
  'pnpm',
  [
    'exec',
    'vitest',
    'run',
    '--project',
    'bpmn',
    'packages/bpmn/test/parse/corpus.test.ts',
    'packages/bpmn/test/map/corpus-create-missing.test.ts',
    'packages/bpmn/test/parse/find-dropped-elements.test.ts',
    'packages/bpmn/test/map/origin-cursor.test.ts',
  ],
  { cwd: root, stdio: 'inherit', env: { ...process.env, TRACERY_BPMN_CORPUS: corpus } },
);
process.exit(vitest.status ?? 1);
