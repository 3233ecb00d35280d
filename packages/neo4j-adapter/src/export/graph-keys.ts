/** The key of a relationship by its ends' ids and its type, as the model keys relations. */
export function relationKeyOf(source: string, graphType: string, target: string): string {
  return `${source}\u0000${graphType}\u0000${target}`;
}
