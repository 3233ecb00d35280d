import { computeCoverage } from '@tracery/core';
import { DEFAULT_COVERAGE_POLICY } from '@tracery/core/advanced';
import { CoveragePolicySchema } from '@tracery/core/schemas';
import { describe, expect, test } from 'vitest';
import { lssFragment } from '../trace/trace-model.js';

const policy = (value: unknown) => CoveragePolicySchema.parse(value);

describe('computeCoverage', () => {
  test('the default policy: requirements need satisfiedBy and verifiedBy; tests that verify nothing are orphans', () => {
    const model = lssFragment();
    const result = computeCoverage(model, DEFAULT_COVERAGE_POLICY);
    expect(result.elements.map((e) => [e.id, e.verdict, e.missing])).toEqual([
      ['REQ-1', 'covered', []],
      ['REQ-2', 'uncovered', ['satisfiedBy']],
    ]);
    expect(result.elements[0]!.needs).toEqual([
      { relation: 'satisfiedBy', by: ['BP018-02', 'IF-022'] },
      { relation: 'verifiedBy', by: ['TC-1', 'TC-2'] },
    ]);
    expect(result.orphans).toEqual([{ id: 'TC-3', kind: 'TestCase', provides: ['verifies'] }]);
    expect(result.countsByKind).toEqual({ Requirement: { total: 2, covered: 1, uncovered: 1, excluded: 0 } });
    expect(result.links).toEqual([]);
    expect(result.diagnostics).toEqual([]);
  });

  test('a need limited to kinds counts only elements of those kinds', () => {
    const result = computeCoverage(
      lssFragment(),
      policy({ Requirement: { needs: [{ relation: 'satisfiedBy', kinds: ['Service'] }] } }),
    );
    expect(result.elements.map((e) => e.verdict)).toEqual(['uncovered', 'uncovered']);
  });

  test('deep coverage: covered only when the covering elements are covered in turn, as OpenFastTrace does', () => {
    const model = lssFragment();
    const shallow = policy({
      Requirement: { needs: ['satisfiedBy'], deep: false },
      Interface: { needs: ['sentBy', 'verifiedBy'] },
    });
    const deep = policy({
      Requirement: { needs: ['satisfiedBy'], deep: true },
      Interface: { needs: ['sentBy', 'verifiedBy'] },
    });
    expect(computeCoverage(model, shallow).elements.find((e) => e.id === 'REQ-1')?.verdict).toBe('covered');
    // IF-022 satisfies REQ-1 but nothing verifies IF-022.
    expect(computeCoverage(model, deep).elements.find((e) => e.id === 'REQ-1')?.verdict).toBe(
      'covered-shallow',
    );
    model.addRelation({ source: 'TC-3', type: 'verifies', target: 'IF-022', attributes: {} });
    expect(computeCoverage(model, deep).elements.find((e) => e.id === 'REQ-1')?.verdict).toBe('covered');
  });

  test('a cycle of coverage has its own verdict, as in OpenFastTrace', () => {
    const model = lssFragment();
    model.addRelation({ source: 'REQ-1', type: 'refines', target: 'REQ-2', attributes: {} });
    const result = computeCoverage(model, policy({ Requirement: { needs: ['refinedBy'], deep: true } }));
    expect(result.elements.map((e) => [e.id, e.verdict])).toEqual([
      ['REQ-1', 'cycle'],
      ['REQ-2', 'cycle'],
    ]);
  });

  test('excluded statuses are left out', () => {
    const model = lssFragment();
    model.putElement({ ...model.getElement('REQ-2'), status: 'rejected' });
    const result = computeCoverage(
      model,
      policy({ Requirement: { needs: ['satisfiedBy'], exclude: { status: ['rejected'] } } }),
    );
    expect(result.elements.map((e) => e.id)).toEqual(['REQ-1']);
  });

  test('unknown kinds and relation names in the policy are diagnostics, with a suggestion', () => {
    const result = computeCoverage(
      lssFragment(),
      policy({ Requirment: { needs: ['satisfiedBy'] }, Requirement: { needs: ['verifedBy'] } }),
    );
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      'coverage: unknown kind "Requirment"; did you mean "Requirement"?',
      'coverage.Requirement: unknown relation name "verifedBy"; did you mean "verifiedBy"?',
    ]);
    expect(result.diagnostics.every((d) => d.code === 'coverage-policy')).toBe(true);
  });
});
