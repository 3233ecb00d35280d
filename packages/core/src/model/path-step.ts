/**
 * Which way a step crossed its relation: `forward` from the relation's source to its target (as it
 * is written: `IF-021 -carries-> MB-M0`), `backward` from its target to its source.
 */
export type StepDirection = 'forward' | 'backward';

/**
 * One relation crossed on a path, in the one shape every path Tracery explains uses (trace,
 * `trace --to`, impact, the Neo4j engine, the site): the walk went from `from` to `to` across a
 * relation of type `relation` (the type's name, never its inverse name), `forward` when the relation
 * goes from `from` to `to`, `backward` when it goes from `to` to `from`.
 *
 * @example
 * const step: PathStep = { from: 'MB-M0', relation: 'carries', to: 'IF-021', direction: 'backward' };
 * // IF-021 carries MB-M0; the walk went from MB-M0 to IF-021 against the relation
 */
export type PathStep = {
  readonly from: string;
  readonly relation: string;
  readonly to: string;
  readonly direction: StepDirection;
};

/**
 * Renders a path with each relation in its real direction, from the path's start:
 * `DI-0102 <-carries- IF-021 <-sends- SDS` reads "IF-021 carries DI-0102, SDS sends IF-021".
 *
 * @example
 * formatPath([{ from: 'IF-021', relation: 'carries', to: 'MB-M0', direction: 'forward' }])
 * // 'IF-021 -carries-> MB-M0'
 */
export function formatPath(path: readonly PathStep[]): string {
  if (path.length === 0) return '';
  let text = path[0]!.from;
  for (const step of path)
    text +=
      step.direction === 'forward' ? ` -${step.relation}-> ${step.to}` : ` <-${step.relation}- ${step.to}`;
  return text;
}

/**
 * The relation a step crosses, as it is stored: `{ type, source, target }`.
 *
 * @example
 * stepRelation({ from: 'DI-0102', relation: 'carries', to: 'IF-021', direction: 'backward' })
 * // { type: 'carries', source: 'IF-021', target: 'DI-0102' }
 */
export function stepRelation(step: PathStep): { type: string; source: string; target: string } {
  return step.direction === 'forward'
    ? { type: step.relation, source: step.from, target: step.to }
    : { type: step.relation, source: step.to, target: step.from };
}
