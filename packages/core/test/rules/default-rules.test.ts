import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { checkRepository, defaultRules, loadRepository } from '@tracery/core';
import { renderFindingsText } from '@tracery/core/render';
import { describe, expect, test } from 'vitest';
import { checkFixture, onlyRule, RULE_FIXTURES } from './check-fixture.js';

const ids = defaultRules().map((rule) => rule.id);

describe('each default rule, on its failing and its passing example', () => {
  test('every default rule has a fixture folder, and every fixture folder a rule', async () => {
    expect((await readdir(RULE_FIXTURES)).sort()).toEqual([...ids].sort());
  });

  test.each(ids)('%s', async (id) => {
    // given the rule's two example repositories
    const failingDir = join(RULE_FIXTURES, id, 'failing');
    // when they are checked with the default rules
    const failing = onlyRule(await checkFixture(failingDir), id);
    const passing = onlyRule(await checkFixture(join(RULE_FIXTURES, id, 'passing')), id);
    // then the failing one has findings of this rule, as recorded, and the passing one none
    expect(failing.findings.length).toBeGreaterThan(0);
    expect(failing.findings.every((f) => f.severity === failing.rules[0]?.severity)).toBe(true);
    await expect(renderFindingsText(failing)).toMatchFileSnapshot(join(failingDir, 'expected.txt'));
    expect(passing.findings).toEqual([]);
  });
});

test('checkRepository reads the JUnit results and review stamps of the repository for the rules that need them', async () => {
  // given a repository with a failing JUnit result and a link whose review stamp no longer matches
  const loaded = await loadRepository(join(RULE_FIXTURES, '..', 'inputs'));
  expect(loaded.diagnostics).toEqual([]);
  // when it is checked without inputs from the caller
  const report = await checkRepository(loaded);
  // then the failing test and the suspect link are findings, and the passing test is not
  const ruleIds = ['failing-test', 'suspect-link'];
  const found = report.findings.filter((f) => ruleIds.includes(f.rule));
  expect(found.map((f) => [f.rule, f.elementId])).toEqual([
    ['failing-test', 'TC-LSS-001'],
    ['suspect-link', 'TC-LSS-001'],
  ]);
  expect(found[0]?.message).toContain('expected 48 periods, got 46');
});
