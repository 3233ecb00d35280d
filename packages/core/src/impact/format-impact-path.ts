import type { ImpactHop } from './impact-types.js';

/**
 * Renders an explanation path with each relation in its real direction:
 * `DI-0102 <-carries- IF-021 <-sends- SDS` reads "IF-021 carries DI-0102, SDS sends IF-021".
 *
 * @example
 * formatImpactPath([{ from: 'DI-0102', to: 'IF-021', type: 'carries', direction: 'backward' }])
 * // 'DI-0102 <-carries- IF-021'
 */
export function formatImpactPath(path: readonly ImpactHop[]): string {
  if (path.length === 0) return '';
  let text = path[0]!.from;
  for (const hop of path)
    text += hop.direction === 'forward' ? ` -${hop.type}-> ${hop.to}` : ` <-${hop.type}- ${hop.to}`;
  return text;
}

/**
 * The relation a hop crosses, as it is stored: `{ type, source, target }`.
 *
 * @example
 * hopRelation({ from: 'DI-0102', to: 'IF-021', type: 'carries', direction: 'backward' })
 * // { type: 'carries', source: 'IF-021', target: 'DI-0102' }
 */
export function hopRelation(hop: ImpactHop): { type: string; source: string; target: string } {
  return hop.direction === 'forward'
    ? { type: hop.type, source: hop.from, target: hop.to }
    : { type: hop.type, source: hop.to, target: hop.from };
}
