/**
 * A count and its noun, singular for one: "1 file", "2 files", "0 errors".
 *
 * @example
 * plural(1, 'file') // '1 file'
 * plural(3, 'entry', 'entries') // '3 entries'
 */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
