/**
 * Appends every item of `items` to `target`, one by one: `target.push(...items)` passes each item as
 * an argument and overflows the stack past about 100,000 items.
 */
export function appendAll<T>(target: T[], items: Iterable<T>): void {
  for (const item of items) target.push(item);
}
