import { InvalidArgumentError } from '../errors/tracery-error.js';
import type { Model } from '../model/model.js';
import { checkKinds, stepFilter, stepsFrom } from './trace-step.js';

/** What {@link traceMatrix} relates: row kind, column kind, and the relation names of each hop. */
export type TraceMatrixOptions = {
  readonly rows: string;
  readonly columns: string;
  /**
   * The hops from a row element to a column element: each hop is a relation name or a list of
   * alternatives (`['hasPart', ['sends', 'receives']]`), followed as it reads.
   */
  readonly path: readonly (string | readonly string[])[];
};

/** One filled cell of a trace matrix. */
export type TraceMatrixLink = { readonly row: string; readonly column: string };

/** A trace matrix: every row and column id (sorted), and the filled cells (sorted by row, then column). */
export type TraceMatrix = {
  readonly rowKind: string;
  readonly columnKind: string;
  readonly path: readonly (readonly string[])[];
  readonly rows: readonly string[];
  readonly columns: readonly string[];
  readonly links: readonly TraceMatrixLink[];
};

const sortIds = (ids: Iterable<string>) => [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/**
 * A trace matrix of one kind against another along a path of relations: a row and a column are
 * linked when the column element is reached from the row element by the path's hops, in order.
 *
 * @example
 * traceMatrix(model, { rows: 'Requirement', columns: 'TestCase', path: ['verifiedBy'] })
 * traceMatrix(model, { rows: 'BusinessProcess', columns: 'Interface', path: ['hasPart', ['sends', 'receives']] })
 */
export function traceMatrix(model: Model, options: TraceMatrixOptions): TraceMatrix {
  checkKinds(model, [options.rows], 'options.rows');
  checkKinds(model, [options.columns], 'options.columns');
  if (options.path.length === 0)
    throw new InvalidArgumentError('options.path: give at least one hop, such as ["verifiedBy"].');
  const hops = options.path.map((hop) => (typeof hop === 'string' ? [hop] : [...hop]));
  const filters = hops.map((names, i) => stepFilter(model, names, 'out', `options.path[${i}]`));
  const rows = sortIds(model.idsOfKind(options.rows));
  const columns = sortIds(model.idsOfKind(options.columns));
  const links: TraceMatrixLink[] = [];
  for (const row of rows) {
    let reached = new Set([row]);
    for (const filter of filters) {
      const next = new Set<string>();
      for (const id of reached) for (const step of stepsFrom(model, id, filter)) next.add(step.to);
      reached = next;
    }
    for (const column of sortIds(reached))
      if (model.getElement(column).kind === options.columns) links.push({ row, column });
  }
  return { rowKind: options.rows, columnKind: options.columns, path: hops, rows, columns, links };
}
