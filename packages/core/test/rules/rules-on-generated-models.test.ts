import type { Element, Model, Relation } from '@tracery/core';
import { defaultRules } from '@tracery/core';
import { findingFingerprint, normaliseName, runRules } from '@tracery/core/advanced';
import { TraceryConfigSchema } from '@tracery/core/schemas';
import { generateModel, seededRandom } from '@tracery/core/testing';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';

// The structural default rules, checked against what each rule's description says, computed the plain
// way (every relation scanned for every question) over generated models with defects put in on purpose.
// The fast rules read shared per-run lookups; these references read nothing but the model's lists.

const GLOSSARY = [
  { preferred: 'Data Service', deprecated: ['Data Collector', 'Data Aggregator'] },
  { preferred: 'Industry Standing Data', deprecated: ['MDD'] },
];
const config = TraceryConfigSchema.parse({
  name: 'generated',
  rules: { options: { terminology: { terms: GLOSSARY } } },
});

/** Relations of one type into (`to`) or out of (`from`) an element, by scanning them all. */
function ends(relations: readonly Relation[], type: string, end: 'source' | 'target', id: string): string[] {
  return relations
    .filter((r) => r.type === type && r[end] === id)
    .map((r) => (end === 'source' ? r.target : r.source));
}

function reference(model: Model): Map<string, Set<string>> {
  const elements = [...model.elements()];
  const relations = [...model.relations()];
  const kind = (k: string) => elements.filter((e) => e.kind === k);
  const found = new Map<string, Set<string>>();
  const add = (rule: string, ids: Iterable<string>) => found.set(rule, new Set(ids));
  const linked = new Set(relations.flatMap((r) => [r.source, r.target]));
  add(
    'orphan-element',
    elements.filter((e) => !linked.has(e.id)).map((e) => e.id),
  );
  const lacking = (k: string, type: string, end: 'source' | 'target') =>
    kind(k)
      .filter((e) => ends(relations, type, end, e.id).length === 0)
      .map((e) => e.id);
  add('interface-without-data', lacking('Interface', 'carries', 'source'));
  add('interface-without-sender', lacking('Interface', 'sends', 'target'));
  add('interface-without-receiver', lacking('Interface', 'receives', 'target'));
  add('step-without-performer', lacking('ProcessStep', 'performs', 'target'));
  add(
    'process-without-steps',
    kind('BusinessProcess')
      .filter(
        (p) =>
          !ends(relations, 'partOf', 'target', p.id).some(
            (id) => model.getElement(id).kind === 'ProcessStep',
          ),
      )
      .map((p) => p.id),
  );
  const inUse = (id: string) =>
    ends(relations, 'carries', 'target', id).length > 0 || ends(relations, 'uses', 'target', id).length > 0;
  const blockUsed = (id: string, seen: Set<string>): boolean =>
    !seen.has(id) &&
    (inUse(id) ||
      ends(relations, 'partOf', 'source', id).some((up) => blockUsed(up, new Set([...seen, id]))));
  add(
    'unused-data-item',
    kind('DataItem')
      .filter(
        (d) =>
          !inUse(d.id) && !ends(relations, 'partOf', 'source', d.id).some((b) => blockUsed(b, new Set())),
      )
      .map((d) => d.id),
  );
  const described = ['BusinessProcess', 'ChangeRequest', 'Interface', 'Principle', 'Requirement', 'Service'];
  add(
    'description-required',
    elements.filter((e) => described.includes(e.kind) && !e.description?.trim()).map((e) => e.id),
  );
  const placeholders = ['tbd', 'tbc', 'todo', 'n/a', '?', '-', '...'];
  add(
    'name-required',
    elements
      .filter((e) => {
        const name = e.name.trim();
        return name === '' || placeholders.includes(name.toLowerCase()) || name === e.id;
      })
      .map((e) => e.id),
  );
  add('duplicate-name', duplicates(elements));
  const deprecated = /(?<![\p{L}\p{N}])(data\s+collector|data\s+aggregator|mdd)(?![\p{L}\p{N}])/iu;
  add(
    'terminology',
    elements.filter((e) => deprecated.test(e.name) || deprecated.test(e.description ?? '')).map((e) => e.id),
  );
  return found;
}

/** Every element but the first (by id) of each group of one kind with one normalised name. */
function duplicates(elements: readonly Element[]): string[] {
  const out: string[] = [];
  for (const e of elements) {
    if (e.kind === 'ProcessStep' || e.kind === 'TestCase' || normaliseName(e.name) === '') continue;
    const same = elements.filter((o) => o.kind === e.kind && normaliseName(o.name) === normaliseName(e.name));
    if (same.some((o) => o.id < e.id)) out.push(e.id);
  }
  return out;
}

/** Puts defects into a generated model: relations removed, and elements with bad names and no links. */
function withDefects(model: Model, seed: number): Model {
  const random = seededRandom(seed);
  for (const relation of [...model.relations()]) if (random.next() < 0.08) model.removeRelation(relation);
  // SVC-X0 a placeholder, X1 blank, X2 its own id, X3 and X4 deprecated terms, X6 a placeholder again
  const names = [
    'TBD',
    '  ',
    'SVC-X2',
    'Data Collector feed',
    'mdd register',
    'Registration   service',
    'todo',
  ];
  names.forEach((name, i) => {
    model.addElement({ id: `SVC-X${i}`, kind: 'Service', name, attributes: {} });
  });
  model.addElement({ id: 'SVC-Y', kind: 'Service', name: 'registration service', attributes: {} });
  model.addElement({ id: 'MB-NEST', kind: 'DataEntity', name: 'Nested block', attributes: {} });
  model.addElement({ id: 'DI-NEST', kind: 'DataItem', name: 'Nested item', attributes: {} });
  model.addRelation({ type: 'partOf', source: 'DI-NEST', target: 'MB-NEST', attributes: {} });
  // A cycle of blocks, to show the walk up through blocks ends.
  model.addRelation({ type: 'partOf', source: 'MB-NEST', target: 'MB-NEST', attributes: {} });
  return model;
}

function fastFindings(model: Model): Map<string, Set<string>> {
  const report = runRules({ model, config }, { rules: defaultRules() });
  const byRule = new Map<string, Set<string>>();
  for (const f of report.findings) {
    if (f.elementId === undefined) continue;
    const ids = byRule.get(f.rule) ?? new Set<string>();
    ids.add(f.elementId);
    byRule.set(f.rule, ids);
  }
  return byRule;
}

describe('the default rules over generated models with defects', () => {
  test('report what each rule says, element by element, as a plain scan of the model finds it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        // given a generated model with relations taken out and badly named, unlinked elements put in
        const model = withDefects(generateModel({ elements: 600, seed }), seed);
        // when the default rules run
        const fast = fastFindings(model);
        // then each structural rule reports exactly the elements the plain scan finds
        for (const [rule, ids] of reference(model))
          expect([...(fast.get(rule) ?? [])].sort(), rule).toEqual([...ids].sort());
      }),
      { numRuns: 8 },
    );
  });

  test('the defects put in are found where they were put', () => {
    // given one generated model with known defects
    const fast = fastFindings(withDefects(generateModel({ elements: 600, seed: 3 }), 3));
    // then the unlinked services are orphans, and their names are reported by the rules on names
    expect([...(fast.get('orphan-element') ?? [])]).toEqual(
      expect.arrayContaining(['SVC-X0', 'SVC-X1', 'SVC-Y']),
    );
    expect([...(fast.get('name-required') ?? [])].sort()).toEqual(['SVC-X0', 'SVC-X1', 'SVC-X2', 'SVC-X6']);
    expect([...(fast.get('terminology') ?? [])].sort()).toEqual(['SVC-X3', 'SVC-X4']);
    // "Registration   service" and "registration service" are one name; SVC-Y sorts after SVC-X5
    expect(fast.get('duplicate-name')?.has('SVC-Y')).toBe(true);
    expect(fast.get('duplicate-name')?.has('SVC-X5')).toBe(false);
    // DI-NEST's only block is part of itself and nothing carries either
    expect(fast.get('unused-data-item')?.has('DI-NEST')).toBe(true);
  });
});

describe('findingFingerprint', () => {
  // The published algorithm: two FNV-1a style 32-bit hashes of `rule \0 element \0 message` (positions
  // taken out), as 16 hex digits. Accepted-findings files hold these, so the value must never drift.
  function joinedHash(text: string): string {
    let a = 0x811c9dc5;
    let b = 0x01000193 ^ text.length;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 15;
    }
    return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
  }

  test('is the hash of the joined text, for any rule, element and message', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.option(fc.string(), { nil: undefined }),
        fc.string({ unit: 'binary' }),
        (rule, id, message) => {
          const stable = /:\d+:\d+/.test(message) ? message.replace(/[^\s()"']+:\d+:\d+/g, '<at>') : message;
          expect(findingFingerprint(rule, id, message)).toBe(
            joinedHash(`${rule}\u0000${id ?? ''}\u0000${stable}`),
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});
