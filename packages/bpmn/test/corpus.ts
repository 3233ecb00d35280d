import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BPMN_COUNT_KEYS, type BpmnCounts } from '@tracery/bpmn';

const REPOSITORY_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * Where the corpus is. `pnpm test` reads the sample committed in `test/fixtures/miwg-sample` (40 files,
 * so a clone with nothing beside it passes); `pnpm conformance:bpmn` sets TRACERY_BPMN_CORPUS to the full
 * 831-file suite (`../shared/corpora/bpmn-miwg` in CI), relative to the repository root.
 */
export const CORPUS_DIR = process.env.TRACERY_BPMN_CORPUS
  ? resolve(REPOSITORY_ROOT, process.env.TRACERY_BPMN_CORPUS)
  : fileURLToPath(new URL('./fixtures/miwg-sample', import.meta.url));

/** True when the full suite was asked for (then its size is checked: 831 files, 4 malformed). */
export const FULL_CORPUS = Boolean(process.env.TRACERY_BPMN_CORPUS);

/** One row of COUNTS.tsv. */
export type CorpusRow = {
  readonly path: string;
  readonly counts: BpmnCounts;
  /** Expat's error for the files it rejected, with its line and 0-based column. */
  readonly error: { readonly message: string; readonly line: number; readonly column0: number } | undefined;
};

/** The rows of COUNTS.tsv, or an empty list when the corpus is missing (a separate test fails then). */
export function readCorpusRows(): CorpusRow[] {
  const tsv = join(CORPUS_DIR, 'COUNTS.tsv');
  if (!existsSync(tsv)) return [];
  const [header, ...lines] = readFileSync(tsv, 'utf8').trimEnd().split('\n');
  const columns = (header ?? '').split('\t');
  return lines.map((line) => {
    const cells = line.split('\t');
    const cell = (name: string) => cells[columns.indexOf(name)] ?? '';
    const counts = Object.fromEntries(BPMN_COUNT_KEYS.map((key) => [key, Number(cell(key))])) as BpmnCounts;
    const message = cell('error');
    const at = /line (\d+), column (\d+)/.exec(message);
    const error = message === '' ? undefined : { message, line: Number(at?.[1]), column0: Number(at?.[2]) };
    return { path: cell('path'), counts, error };
  });
}
