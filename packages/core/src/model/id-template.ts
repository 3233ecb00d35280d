/**
 * Fills id templates such as `REQ-IMP-{n:3}` (`{n}` a number, `{n:3}` one of at least three digits) with
 * the first numbers whose ids `isTaken` refuses. It remembers how far each template has got, so giving
 * n ids costs n look-ups, not n squared. A template without `{n}` gets `-1`, `-2` ... appended.
 *
 * @example
 * const next = createIdTemplateFiller((id) => model.hasElement(id));
 * next('REQ-IMP-{n:3}') // 'REQ-IMP-001', then 'REQ-IMP-002' ...
 */
export function createIdTemplateFiller(isTaken: (id: string) => boolean): (template: string) => string {
  const reached = new Map<string, number>();
  return (template) => {
    const match = /\{n(?::(\d+))?\}/.exec(template);
    const width = Number(match?.[1] ?? 1);
    const at = (n: number) =>
      match ? template.replace(match[0], String(n).padStart(width, '0')) : `${template}-${n}`;
    let n = (reached.get(template) ?? 0) + 1;
    while (isTaken(at(n))) n++;
    reached.set(template, n);
    return at(n);
  };
}

/** The default id template of a kind: its capitals (Requirement -> REQ, TestCase -> TC) and four digits. */
export function defaultIdTemplate(kind: string): string {
  const capitals = kind.replace(/[^A-Z]/g, '');
  const prefix = capitals.length >= 2 ? capitals : kind.slice(0, 3).toUpperCase();
  return `${prefix}-{n:4}`;
}
