import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { estimateEffort } from '../../src/advanced.js';
import {
  assessChangeRequest,
  assessOptionsFromConfig,
  compareOptions,
  InvalidArgumentError,
  type LoadedRepository,
  loadRepository,
  NotFoundError,
} from '../../src/index.js';
import {
  renderAssessmentMarkdown,
  renderAssessmentText,
  renderComparisonMarkdown,
  renderComparisonText,
} from '../../src/render.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'impact');
let repo: LoadedRepository;
beforeAll(async () => {
  repo = await loadRepository(join(FIXTURES, 'repo'));
  expect(repo.diagnostics).toEqual([]);
});

const assess = (id: string) => assessChangeRequest(repo.model, id, assessOptionsFromConfig(repo.config));

describe('assessChangeRequest', () => {
  test('it lists the changes with their nature and note, and the impact of them with explanations', () => {
    const a = assess('CR-A');
    expect(a.changes).toEqual([
      {
        id: 'DI-0023',
        kind: 'DataItem',
        name: 'GSP Group ID',
        nature: 'modify',
        note: 'Optional becomes mandatory.',
      },
    ]);
    expect(a.settings).toEqual({ stopAtKinds: [], skipTypes: [] });
    expect(a.impacted.find((e) => e.id === 'SUP')?.explanation).toBe(
      'DI-0023 -partOf-> MB-M0 <-carries- IF-021 <-receives- SUP',
    );
  });

  test('the artefacts to re-issue are those the changed and impacted elements are documented in', () => {
    expect(assess('CR-A').artefactsToReissue).toEqual([
      { id: 'DOC-DM', name: 'Data catalogue', because: ['MB-M0'] },
      { id: 'DOC-IF021', name: 'IF-021 specification', because: ['IF-021'] },
    ]);
  });

  test('the tests to re-run are those that verify a changed or impacted element', () => {
    expect(assess('CR-A').testsToRerun).toEqual([
      { id: 'TC-001', name: 'Send consumption data', because: ['IF-021'] },
    ]);
  });

  test('the estimate counts changed, impacted, re-issued and re-run elements at the configured days', () => {
    const e = assess('CR-A').estimate!;
    expect(e.lines).toEqual([
      { kind: 'Artefact', count: 2, daysEach: 2, days: 4 },
      { kind: 'Interface', count: 2, daysEach: 5, days: 10 },
      { kind: 'Role', count: 1, daysEach: 10, days: 10 },
      { kind: 'Service', count: 2, daysEach: 20, days: 40 },
      { kind: 'TestCase', count: 1, daysEach: 0.5, days: 0.5 },
    ]);
    expect(e.unpriced).toEqual(['DataEntity', 'DataItem']);
    expect([e.days, e.cost, e.currency]).toEqual([64.5, 38_700, 'GBP']);
  });

  test('estimateEffort leaves out kinds without a rate', () => {
    expect(
      estimateEffort(
        { Interface: 3, Principle: 1 },
        { dayRate: 650, currency: 'GBP', daysPerKind: { Interface: 5 } },
      ),
    ).toMatchObject({
      days: 15,
      cost: 9750,
      unpriced: ['Principle'],
    });
  });

  test('it refuses an element that is not a change request', () => {
    expect(() => assessChangeRequest(repo.model, 'IF-021')).toThrow(InvalidArgumentError);
  });

  test('renderings match the golden files', async () => {
    const a = assess('CR-A');
    await expect(renderAssessmentText(a)).toMatchFileSnapshot(join(FIXTURES, 'golden', 'CR-A.txt'));
    await expect(renderAssessmentMarkdown(a)).toMatchFileSnapshot(join(FIXTURES, 'golden', 'CR-A.md'));
    await expect(`${JSON.stringify(a, null, 2)}\n`).toMatchFileSnapshot(
      join(FIXTURES, 'golden', 'CR-A.json'),
    );
  });
});

describe('compareOptions', () => {
  test('it assesses every option of a decision side by side, by parties, days and cost', () => {
    const c = compareOptions(repo.model, 'DEC-X', assessOptionsFromConfig(repo.config));
    expect(c.options.map((o) => [o.option, o.changeRequest, o.parties, o.days, o.cost])).toEqual([
      // Option A changes only the Supplier: IF-021, which it receives, is notified (re-checked, its
      // document and test followed up) but does not change, so its sender SDS need not act.
      ['A', 'OPT-1', ['SUP'], 17.5, 10_500],
      // Option B changes SDS and IF-021: the Supplier receives the changed interface; SDS's other
      // interface IF-022 is notified, and LSS, its sender, is not reached through a notified element.
      ['B', 'OPT-2', ['SDS', 'SUP'], 42.5, 25_500],
    ]);
    expect(c.parties).toEqual([
      { id: 'SDS', name: 'Smart Data Service', options: ['B'] },
      { id: 'SUP', name: 'Supplier', options: ['A', 'B'] },
    ]);
  });

  test('renderings match the golden files', async () => {
    const c = compareOptions(repo.model, 'DEC-X', assessOptionsFromConfig(repo.config));
    await expect(renderComparisonText(c)).toMatchFileSnapshot(join(FIXTURES, 'golden', 'DEC-X.txt'));
    await expect(renderComparisonMarkdown(c)).toMatchFileSnapshot(join(FIXTURES, 'golden', 'DEC-X.md'));
  });

  test('a decision that is not in the model is an error naming the closest decision, not an empty table', () => {
    expect(() => compareOptions(repo.model, 'DEC-Z')).toThrow(NotFoundError);
    expect(() => compareOptions(repo.model, 'DEC-Z')).toThrow(
      /"DEC-Z" names no Decision of the model; did you mean "DEC-X"\?/,
    );
    expect(() => compareOptions(repo.model, 'IF-021')).toThrow(/is a Interface, not a Decision/);
  });

  test('a change request whose decision names no Decision is an error', () => {
    expect(() => assessChangeRequest(repo.model, 'CR-Z')).toThrow(InvalidArgumentError);
    expect(() => assessChangeRequest(repo.model, 'CR-Z')).toThrow(
      /decision "DEC-Y" names no Decision of the model; did you mean "DEC-X"\?/,
    );
  });

  test('an unknown change request names the closest one', () => {
    expect(() => assessChangeRequest(repo.model, 'CR-B')).toThrow(/did you mean "CR-A"\?/);
  });
});
