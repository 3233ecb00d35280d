/**
 * The first id from `template` that `taken` does not hold: `{n}` is a number, `{n:3}` one of at least
 * three digits (`REQ-IMP-{n:3}` gives REQ-IMP-001, REQ-IMP-002 ...).
 *
 * @example
 * nextId('REQ-IMP-{n:3}', new Set(['REQ-IMP-001'])) // 'REQ-IMP-002'
 */
export function nextId(template: string, taken: ReadonlySet<string>): string {
  const match = /\{n(?::(\d+))?\}/.exec(template);
  const width = Number(match?.[1] ?? 1);
  const at = (n: number) =>
    match ? template.replace(match[0], String(n).padStart(width, '0')) : `${template}-${n}`;
  let n = 1;
  while (taken.has(at(n))) n++;
  return at(n);
}

/** The default id template of a kind: its capitals (Requirement -> REQ, TestCase -> TC) and four digits. */
export function defaultIdTemplate(kind: string): string {
  const capitals = kind.replace(/[^A-Z]/g, '');
  const prefix = capitals.length >= 2 ? capitals : kind.slice(0, 3).toUpperCase();
  return `${prefix}-{n:4}`;
}
