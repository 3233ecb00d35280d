import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BPMN_COUNT_KEYS, type BpmnCounts } from '@tracery/bpmn';

/** The corpus lives outside the repository, beside it: `<repo>/../shared/corpora/bpmn-miwg` (CI has the same layout). */
export const CORPUS_DIR = resolve(
  fileURLToPath(new URL('../../../', import.meta.url)),
  '../shared/corpora/bpmn-miwg',
);

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
