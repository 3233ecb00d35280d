import { join } from 'node:path';
import {
  assessOptionsFromConfig,
  compareOptions,
  impactOfRepository,
  type LoadedRepository,
  loadRepository,
  related,
} from '@tracery/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

// Labelled answers: for changes to the MHHS example, the impacted set that the design's meaning calls
// for, each expected hit with its reason. Small cases are written out id by id; larger ones are derived
// from the model's relations by the rule of the design that applies ("an interface that carries a
// changed block changes; whoever sends, receives or addresses it must act; ..."), read with `related`,
// not with the impact engine. Precision and recall are reported per case and must both be 1.0.

const MHHS = join(import.meta.dirname, '..', 'mhhs');
let repo: LoadedRepository;
beforeAll(async () => {
  repo = await loadRepository(MHHS);
});

/** Expected hits, each with the reason the design gives for it. */
class Expected {
  readonly reasons = new Map<string, string>();
  constructor(readonly seeds: readonly string[]) {}
  add(ids: Iterable<string>, reason: string): this {
    for (const id of ids) if (!this.seeds.includes(id) && !this.reasons.has(id)) this.reasons.set(id, reason);
    return this;
  }
}

const rel = (id: string, name: string) => related(repo.model, id, name);
const relAll = (ids: Iterable<string>, name: string) => [...ids].flatMap((id) => rel(id, name));

/** A changed interface: whoever sends, receives or addresses it must act; its requirements are re-verified. */
function changedInterfaces(e: Expected, interfaces: readonly string[]): void {
  for (const i of interfaces) {
    e.add(rel(i, 'sentBy'), `sends ${i}, which changes: must act`);
    e.add(rel(i, 'receivedBy'), `receives ${i}, which changes: must act`);
    e.add(rel(i, 'addressedBy'), `works out the recipients of ${i}, which changes: must act`);
    e.add(rel(i, 'satisfies'), `satisfied by ${i}, which changes: re-verify`);
  }
}

/** Changed data (an item or a block): its users must act, its requirements are re-verified. */
function changedData(e: Expected, data: readonly string[]): void {
  for (const d of data) {
    e.add(rel(d, 'usedBy'), `uses ${d}, which changes: must act`);
    e.add(rel(d, 'satisfies'), `satisfied by ${d}, which changes: re-verify`);
  }
}

/**
 * The follow-ups of every impacted or changed element: the documents that specify it (re-issue) and
 * the tests that verify it (re-run), and theirs in turn.
 */
function followUps(e: Expected): Expected {
  let frontier = [...e.seeds, ...e.reasons.keys()];
  while (frontier.length > 0) {
    const before = e.reasons.size;
    const known = new Set(e.reasons.keys());
    for (const id of frontier) {
      e.add(rel(id, 'documentedIn'), `specifies ${id}: re-issue`);
      e.add(rel(id, 'verifiedBy'), `verifies ${id}: re-run`);
    }
    frontier = e.reasons.size > before ? [...e.reasons.keys()].filter((id) => !known.has(id)) : [];
  }
  return e;
}

/** A data item changes: its block changes as a whole, and every interface carrying either changes. */
function dataItemCase(item: string): Expected {
  const e = new Expected([item]);
  const blocks = rel(item, 'partOf');
  e.add(blocks, `${item} is part of it: the whole changes`);
  const interfaces = [...new Set([...rel(item, 'carriedBy'), ...relAll(blocks, 'carriedBy')])];
  e.add(interfaces, `carries ${item} or its block: the interface changes`);
  changedData(e, [item, ...blocks]);
  changedInterfaces(e, interfaces);
  return followUps(e);
}

const cases: Record<string, () => Expected> = {
  // A header data item: GSP Group ID, in the MPAN block M0 that nearly every interface carries. Its
  // sibling items (MPAN Core DI-0021, ...) are not impacted: the block changing does not change them.
  'header data item DI-0023': () => dataItemCase('DI-0023'),

  // A message block: the load shape period data. Its items are not changed by it (a whole changing
  // names the parts that change); the one interface that carries it changes.
  'message block MB-B051': () => {
    const e = new Expected(['MB-B051']);
    const interfaces = rel('MB-B051', 'carriedBy');
    e.add(interfaces, 'carries MB-B051: the interface changes');
    changedData(e, ['MB-B051']);
    changedInterfaces(e, interfaces);
    return followUps(e);
  },

  // A data item used by one step (BP018-02): that step must act; the item's block UTC Period Consumption
  // changes, and so the interfaces that carry it (IF-016, IF-021).
  'data item used by one step DI-0504': () => dataItemCase('DI-0504'),

  // An interface, written out: its senders and receivers act, its requirements are re-verified.
  'interface IF-022': () =>
    new Expected(['IF-022'])
      .add(['LSS', 'BP018-06'], 'sends IF-022: must act')
      .add(['ADS', 'SDS', 'UMSDS', 'BP005-02', 'BP018-08'], 'receives IF-022: must act')
      .add(['REQ-LSS-006', 'REQ-LSS-007', 'REQ-LSS-011', 'REQ-LSS-012'], 'satisfied by IF-022: re-verify')
      .add(['MHHSP-IF-022'], 'specifies IF-022: re-issue')
      .add(['MHHSP-BRS007'], 'specifies LSS and the LSS requirements: re-issue')
      .add(['MHHSP-METH005'], 'specifies LSS: re-issue')
      .add(['MHHSP-METH001'], 'specifies SDS: re-issue')
      .add(['TC-LSS-008'], 'verifies REQ-LSS-011 and REQ-LSS-012: re-run'),

  // A service: what it performs and sends must be re-checked, its requirements re-verified, and the
  // services that depend on it must act. The data it uses is not changed by it.
  'service LSS': () => {
    const e = new Expected(['LSS']);
    e.add(rel('LSS', 'performs'), 'performed by LSS, which changes: re-check');
    e.add(rel('LSS', 'sends'), 'sent by LSS, which changes: re-check');
    e.add(rel('LSS', 'satisfies'), 'satisfied by LSS, which changes: re-verify');
    e.add(rel('LSS', 'dependencyOf'), 'depends on LSS: must act');
    return followUps(e);
  },

  // A role, written out: the processes and steps it performs and the interface it receives.
  'role CSS': () =>
    new Expected(['CSS'])
      .add(
        ['BP001', 'BP007', 'BP001-03', 'BP006-04', 'BP007-06'],
        'performed by CSS, which changes: re-check',
      )
      .add(['IF-009'], 'received by CSS, which changes: re-check')
      .add(['MHHSP-BP001'], 'specifies BP001: re-issue')
      .add(['MHHSP-BP007'], 'specifies BP007: re-issue')
      .add(['MHHSP-IF-009'], 'specifies IF-009: re-issue'),

  // A process step: its process changes as a whole (but not its other steps, nor the next step), its
  // performers and the process's performers must act, their requirements are re-verified.
  'process step BP018-03': () => {
    const e = new Expected(['BP018-03']);
    e.add(['BP018'], 'BP018-03 is part of it: the whole changes');
    e.add(rel('BP018-03', 'performedBy'), 'performs BP018-03: must act');
    e.add(rel('BP018-03', 'satisfies'), 'satisfied by BP018-03: re-verify');
    e.add(rel('BP018', 'performedBy'), 'performs BP018, which changes: must act');
    e.add(rel('BP018', 'satisfies'), 'satisfied by BP018: re-verify');
    return followUps(e);
  },

  // A requirement: the design that satisfies it must change (step BP018-02, item DI-0504), and with it
  // the step's process and the item's block and the interfaces carrying it; its parent requirement is
  // re-verified. The other requirements that BP018-02 satisfies (REQ-LSS-002) are not re-verified
  // through it: a path does not come back down the relation type it went up.
  'requirement REQ-LSS-003': () => {
    const e = new Expected(['REQ-LSS-003']);
    e.add(rel('REQ-LSS-003', 'satisfiedBy'), 'satisfies REQ-LSS-003: the design must change');
    e.add(rel('REQ-LSS-003', 'refines'), 'refined by REQ-LSS-003: re-verify');
    e.add(['BP018'], 'BP018-02 is part of it: the whole changes');
    e.add(rel('BP018-02', 'performedBy'), 'performs BP018-02, which changes: must act');
    e.add(rel('BP018', 'performedBy'), 'performs BP018, which changes: must act');
    e.add(['MB-B050'], 'DI-0504 is part of it: the whole changes');
    const interfaces = rel('MB-B050', 'carriedBy');
    e.add(interfaces, 'carries MB-B050: the interface changes');
    changedData(e, ['MB-B050']);
    e.add(rel('DI-0504', 'usedBy'), 'uses DI-0504, which changes: must act');
    changedInterfaces(e, interfaces);
    return followUps(e);
  },

  // A principle: what it governs is re-assessed for compliance; the requirements that refine it
  // change, and with them the design that satisfies them (BP002-04, IF-022, DEC-003, METH005) and the
  // wholes they are part of (BP002), whose performers and dependents must act.
  'principle DP-15': () => {
    const e = new Expected(['DP-15']);
    e.add(rel('DP-15', 'governs'), 'governed by DP-15: re-assess compliance');
    const refinements = rel('DP-15', 'refinedBy');
    e.add(refinements, 'refines DP-15: the requirement changes');
    const design = relAll(refinements, 'satisfiedBy');
    e.add(design, 'satisfies a requirement that changes: the design must change');
    for (const d of design) {
      // Not the design's other requirements: that would come back down `satisfies`.
      e.add(rel(d, 'sentBy'), `sends ${d}, which changes: must act`);
      e.add(rel(d, 'receivedBy'), `receives ${d}, which changes: must act`);
      e.add(rel(d, 'addressedBy'), `addresses ${d}, which changes: must act`);
      e.add(rel(d, 'performedBy'), `performs ${d}, which changes: must act`);
      e.add(rel(d, 'dependencyOf'), `depends on ${d}, which changes: must act`);
      e.add(rel(d, 'usedBy'), `uses ${d}, which changes: must act`);
      for (const whole of rel(d, 'partOf')) {
        e.add([whole], `${d} is part of it: the whole changes`);
        e.add(rel(whole, 'performedBy'), `performs ${whole}, which changes: must act`);
        e.add(rel(whole, 'dependencyOf'), `depends on ${whole}, which changes: must act`);
        e.add(rel(whole, 'satisfies'), `satisfied by ${whole}, which changes: re-verify`);
      }
    }
    return followUps(e);
  },

  // A document, written out: the requirements it satisfies are re-verified; the design it records
  // (LSS, BP018, ...) is not changed by a document changing.
  'document MHHSP-METH005': () =>
    new Expected(['MHHSP-METH005'])
      .add(['REQ-LSS-004', 'REQ-LSS-017'], 'satisfied by METH005, which changes: re-verify')
      .add(['TC-LSS-003'], 'verifies REQ-LSS-004: re-run')
      .add(['MHHSP-BRS007'], 'specifies REQ-LSS-004 and REQ-LSS-017: re-issue'),

  // Change request CR001: GSP Group ID made mandatory; the same as a change to DI-0023.
  'change request CR001': () => dataItemCase('DI-0023'),

  // Change request CR022 (DEC-021 option B): the DIP derives secondary recipients, and the routing data
  // it may hold (REQ-DIP-002) grows. The DIP works on each interface it addresses; its requirements are
  // re-verified; REQ-DIP-002's principle DP-03 is re-checked. The A0 block does not change.
  'change request CR022': () => {
    const e = new Expected(['DIP', 'REQ-DIP-002']);
    e.add(rel('DIP', 'addresses'), 'addressed by the DIP, which changes: the DIP works on it');
    e.add(rel('DIP', 'satisfies'), 'satisfied by the DIP, which changes: re-verify');
    e.add(rel('REQ-DIP-002', 'refines'), 'refined by REQ-DIP-002, which changes: re-check');
    return followUps(e);
  },
};

const SEEDS: Record<string, readonly string[]> = {
  'change request CR001': ['DI-0023'],
  'change request CR022': ['DIP', 'REQ-DIP-002'],
};
const seedsOf = (name: string) => SEEDS[name] ?? [name.split(' ').at(-1)!];

const report: string[][] = [];
afterAll(() => {
  console.log(
    `Labelled impact answers (precision, recall):\n${report.map((row) => `  ${row.join('  ')}`).join('\n')}`,
  );
});

describe('impact on the MHHS example against labelled answers', () => {
  test.each(Object.keys(cases))('%s', (name) => {
    const expected = cases[name]!();
    const crId = name.startsWith('change request') ? name.split(' ').at(-1)! : undefined;
    const seeds = crId ? related(repo.model, crId, 'changes') : seedsOf(name);
    expect(seeds).toEqual([...seeds].sort());
    const actual = new Set(impactOfRepository(repo, seeds).impacted.map((e) => e.id));
    const wanted = new Set(expected.reasons.keys());
    const hits = [...actual].filter((id) => wanted.has(id)).length;
    const precision = actual.size === 0 ? 1 : hits / actual.size;
    const recall = wanted.size === 0 ? 1 : hits / wanted.size;
    report.push([name.padEnd(36), precision.toFixed(3), recall.toFixed(3), `${wanted.size} expected`]);
    const unexpected = [...actual].filter((id) => !wanted.has(id));
    const missed = [...wanted]
      .filter((id) => !actual.has(id))
      .map((id) => `${id} (${expected.reasons.get(id)})`);
    expect({ unexpected, missed }).toEqual({ unexpected: [], missed: [] });
    expect([precision, recall]).toEqual([1, 1]);
  });

  test("the header item's siblings in its block are not impacted", () => {
    const hit = new Set(impactOfRepository(repo, ['DI-0023']).impacted.map((e) => e.id));
    for (const sibling of rel('MB-M0', 'hasPart').filter((id) => id !== 'DI-0023'))
      expect(hit.has(sibling), sibling).toBe(false);
  });
});

describe("DEC-021's options agree with the programme's ROM view", () => {
  test('option A touches every participant that sends a message and every interface carrying A0; B the DIP and ~20 registration interfaces; C the DIP, EES and Registration', () => {
    const c = compareOptions(repo.model, 'DEC-021', assessOptionsFromConfig(repo.config));
    const [a, b, cc] = c.options;
    expect(a!.option).toBe('A');
    // A: the recipients block A0 changes, so every interface that carries it changes.
    expect(a!.interfaces).toBe(rel('MB-A0', 'carriedBy').length);
    expect(a!.parties).toEqual(expect.arrayContaining(['SUP', 'LDSO', 'REGS', 'DIP']));
    // B: only the DIP acts, on the Registration notifications it addresses (circa 20).
    expect(b!.parties).toEqual(['DIP']);
    expect(b!.interfaces).toBe(rel('DIP', 'addresses').length);
    expect(b!.interfaces).toBeGreaterThanOrEqual(15);
    expect(b!.interfaces).toBeLessThanOrEqual(25);
    // C: EES answers, the DIP asks, Registration sends the widened EES updates (IF-050).
    expect(cc!.parties).toEqual(['DIP', 'EES', 'REGS']);
  });
});
