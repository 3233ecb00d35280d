import type { CoverageResult, Model } from '@tracery/core';
import { type CoveragePolicy, DEFAULT_EXCLUDED_STATUSES } from '@tracery/core/advanced';

type Link = { readonly type: string; readonly source: string; readonly target: string };
type Need = { relation: string; type: string; incoming: boolean; kinds: readonly string[] | undefined };
type Shape = {
  needs: { relation: string; by: string[] }[];
  ignored: { relation: string; by: string; reason: string }[];
};

const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Coverage as DESIGN.md and OpenFastTrace's user guide say it, written plainly (every question answered
 * by a scan of all relations, deep coverage by following coverers recursively), so that property
 * tests can hold `computeCoverage` to it. Slow on purpose: it is only ever run on small models.
 * Takes a policy whose kinds and relation names all exist (no diagnostics).
 */
export function referenceCoverage(
  model: Model,
  policy: CoveragePolicy,
  outdated: readonly Link[] = [],
): Omit<CoverageResult, 'diagnostics'> {
  const ruleOf = (kind: string) => policy[kind];
  const excluded = (id: string) => {
    const element = model.getElement(id);
    const statuses = ruleOf(element.kind)?.exclude.status ?? DEFAULT_EXCLUDED_STATUSES;
    return element.status !== undefined && statuses.includes(element.status);
  };
  const resolve = (relation: string, kinds?: readonly string[]): Need => {
    const found = model.metamodel.relationNames.get(relation)!;
    return { relation, type: found.type.name, incoming: found.inverse, kinds };
  };
  // The far ends of an element's relations of a need's type, read from the covered element.
  const ends = (id: string, need: Need) =>
    [...model.relations()]
      .filter((r) => r.type === need.type && (need.incoming ? r.target === id : r.source === id))
      .map((r) => (need.incoming ? r.source : r.target));
  const isOutdated = (need: Need, id: string, other: string) =>
    outdated.some(
      (l) =>
        l.type === need.type &&
        l.source === (need.incoming ? other : id) &&
        l.target === (need.incoming ? id : other),
    );

  const shapes = new Map<string, Shape & { kind: string }>();
  const orphans: CoverageResult['orphans'][number][] = [];
  const left: string[] = [];
  const countsByKind: Record<
    string,
    { total: number; covered: number; uncovered: number; excluded: number }
  > = {};
  for (const kind of Object.keys(policy).sort(text)) {
    const rule = policy[kind]!;
    const needs = rule.needs.map((n) => (typeof n === 'string' ? resolve(n) : resolve(n.relation, n.kinds)));
    const ids = [...model.elements()].filter((e) => e.kind === kind).map((e) => e.id);
    if (needs.length > 0)
      countsByKind[kind] = { total: 0, covered: 0, uncovered: 0, excluded: ids.filter(excluded).length };
    for (const id of ids) {
      if (excluded(id)) {
        if (needs.length > 0) left.push(id);
        continue;
      }
      const provides = rule.provides.map((p) => resolve(p));
      if (provides.length > 0 && provides.every((p) => ends(id, p).length === 0))
        orphans.push({ id, kind, provides: [...rule.provides] });
      if (needs.length > 0) shapes.set(id, { kind, ...shape(id, needs) });
    }
  }

  function shape(id: string, needs: readonly Need[]): Shape {
    const ignored: Shape['ignored'] = [];
    const result = needs.map((need, n) => {
      // The kinds wanted by any need of the same relation name: another kind is unwanted coverage.
      const same = needs.filter((other) => other.relation === need.relation);
      const wanted = same.some((other) => !other.kinds) ? undefined : same.flatMap((other) => other.kinds!);
      const reported = needs.findIndex((other) => other.relation === need.relation) === n;
      const by: string[] = [];
      for (const other of ends(id, need)) {
        const kind = model.getElement(other).kind;
        const reason = excluded(other)
          ? 'excluded'
          : wanted && !wanted.includes(kind)
            ? 'unwanted'
            : isOutdated(need, id, other)
              ? 'outdated'
              : undefined;
        if (reason && reported) ignored.push({ relation: need.relation, by: other, reason });
        if (!reason && (!need.kinds || need.kinds.includes(kind))) by.push(other);
      }
      return { relation: need.relation, by: by.sort(text) };
    });
    ignored.sort((a, b) => text(a.relation, b.relation) || text(a.by, b.by));
    return { needs: result, ignored };
  }

  const coverers = (id: string) =>
    shapes
      .get(id)!
      .needs.flatMap((n) => n.by)
      .filter((other) => shapes.has(other));
  // On a cycle: the element reaches itself over one or more coverage links.
  const onCycle = (id: string) => {
    const seen = new Set<string>();
    const todo = coverers(id);
    while (todo.length > 0) {
      const next = todo.pop()!;
      if (next === id) return true;
      if (!seen.has(next)) {
        seen.add(next);
        todo.push(...coverers(next));
      }
    }
    return false;
  };
  const reaches = (id: string) => {
    const seen = new Set([id]);
    const todo = [id];
    while (todo.length > 0)
      for (const next of coverers(todo.pop()!))
        if (!seen.has(next)) {
          seen.add(next);
          todo.push(next);
        }
    return seen;
  };
  // Deep status: a cycle anywhere below wins; then a need not met; then anything below not covered.
  const deepMemo = new Map<string, string>();
  const deep = (id: string): string => {
    let status = deepMemo.get(id);
    if (status) return status;
    if ([...reaches(id)].some(onCycle)) status = 'cycle';
    else if (shapes.get(id)!.needs.some((n) => n.by.length === 0)) status = 'uncovered';
    else status = coverers(id).every((other) => deep(other) === 'covered') ? 'covered' : 'covered-shallow';
    deepMemo.set(id, status);
    return status;
  };

  const elements = [...shapes]
    .map(([id, s]) => {
      const missing = s.needs.filter((n) => n.by.length === 0).map((n) => n.relation);
      const verdict = policy[s.kind]!.deep ? deep(id) : missing.length > 0 ? 'uncovered' : 'covered';
      const count = countsByKind[s.kind]!;
      count.total++;
      if (verdict === 'covered') count.covered++;
      else count.uncovered++;
      return { id, kind: s.kind, needs: s.needs, missing, ignored: s.ignored, verdict };
    })
    .sort((a, b) => text(a.id, b.id));
  const links = elements
    .flatMap((e) =>
      e.ignored
        .filter((i) => i.reason !== 'excluded')
        .map((i) => ({ relation: i.relation, covered: e.id, by: i.by, reason: i.reason })),
    )
    .sort((a, b) => text(a.covered, b.covered) || text(a.relation, b.relation) || text(a.by, b.by));
  return {
    elements,
    orphans: orphans.sort((a, b) => text(a.id, b.id)),
    countsByKind,
    excluded: left.sort(text),
    links,
  } as Omit<CoverageResult, 'diagnostics'>;
}
