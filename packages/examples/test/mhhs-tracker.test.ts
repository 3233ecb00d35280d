import { join } from 'node:path';
import { bpmnSourceLoader } from '@tracery/bpmn';
import { runCli } from '@tracery/cli';
import { loadRepository } from '@tracery/core';
import { loadComments, repositoryTracker, type TrackerReport } from '@tracery/core/advanced';
import { beforeAll, describe, expect, test } from 'vitest';

const MHHS = join(import.meta.dirname, '..', 'mhhs');
let tracker: TrackerReport;

// The DAG pack's Tranche 1 figures (accepted, action, rejected, requires clarification), as the pack
// gives them per artefact; written here from the pack, not from the tool.
const PACK: Record<string, [number, number, number, number]> = {
  'MHHSP-BP004': [36, 13, 4, 1],
  'MHHSP-BP005': [25, 16, 4, 0],
  'MHHSP-BP006': [16, 16, 2, 2],
  'MHHSP-BP007': [17, 7, 1, 5],
  'MHHSP-BP008': [30, 7, 7, 2],
  'MHHSP-BP009': [26, 10, 5, 4],
  'MHHSP-BP010': [13, 11, 3, 3],
  'MHHSP-BP018': [16, 6, 3, 0],
  'MHHSP-BRS007': [22, 9, 2, 1],
  'MHHSP-METH005': [43, 11, 2, 8],
  'MHHSP-IF-005': [31, 18, 4, 2],
  'MHHSP-IF-006': [21, 12, 1, 0],
  'MHHSP-IF-007': [13, 1, 3, 1],
  'MHHSP-IF-008': [11, 1, 0, 0],
  'MHHSP-IF-009': [6, 1, 0, 0],
  'MHHSP-IF-018': [16, 6, 0, 1],
  'MHHSP-IF-021': [20, 2, 1, 0],
  'MHHSP-IF-022': [15, 5, 0, 0],
  'MHHSP-IF-023': [20, 9, 2, 0],
  'MHHSP-IF-024': [8, 9, 0, 0],
  'MHHSP-IF-025': [22, 7, 0, 0],
  'MHHSP-IF-026': [10, 6, 0, 0],
  'MHHSP-IF-041': [9, 4, 0, 0],
};

// The constituency table of the example's README (illustrative: the pack's own table is not recorded).
const CONSTITUENCIES: [string, number, number, number, number, number][] = [
  ['Central Systems', 1, 48, 19, 3, 3],
  ['Code Body', 1, 19, 8, 2, 1],
  ['DNO', 2, 71, 30, 7, 5],
  ['I&C Supplier', 1, 21, 9, 2, 2],
  ['Independent Supplier Agent', 1, 24, 10, 3, 2],
  ['Large Supplier', 3, 112, 48, 11, 8],
  ['Medium Supplier', 2, 54, 22, 6, 3],
  ['Small Supplier', 1, 18, 7, 2, 1],
  ['Supplier Agent', 2, 63, 27, 6, 4],
  ['iDNO', 1, 16, 7, 2, 1],
];

const counts = (byStatus: Readonly<Record<string, number>>) => [
  byStatus.Accepted,
  byStatus.Action,
  byStatus.Rejected,
  byStatus['Requires further clarification'],
];

beforeAll(async () => {
  const loaded = await loadRepository(MHHS, { loaders: [bpmnSourceLoader()] });
  const result = await repositoryTracker(loaded, { tranche: 'T1' });
  expect(result.diagnostics).toEqual([]);
  tracker = result.tracker;
});

describe('the MHHS example tracker reproduces the DAG pack for Tranche 1', () => {
  test('707 comments from 15 organisations: 446 accepted, 187 action, 44 rejected, 30 requiring clarification', () => {
    expect(tracker.totals.comments.total).toBe(707);
    expect(counts(tracker.totals.comments.byStatus)).toEqual([446, 187, 44, 30]);
    expect(tracker.totals.organisations).toBe(15);
  });

  test('each artefact has the pack counts, and each interface specification its row (IF021 20/2/1/0)', () => {
    const rows = Object.fromEntries(
      tracker.artefacts.filter((a) => a.comments.total > 0).map((a) => [a.id, counts(a.comments.byStatus)]),
    );
    expect(rows).toEqual(PACK);
    const perInterface = Object.fromEntries(
      tracker.interfaces.map((i) => [i.id, counts(i.comments.byStatus)]),
    );
    expect(perInterface['IF-021']).toEqual([20, 2, 1, 0]);
    for (const [artefact, row] of Object.entries(PACK))
      if (artefact.startsWith('MHHSP-IF-'))
        expect(perInterface[artefact.slice('MHHSP-'.length)]).toEqual(row);
  });

  test('the constituency table: organisations and comments by status', () => {
    expect(
      tracker.constituencies.map((c) => [c.constituency, c.organisations, ...counts(c.comments.byStatus)]),
    ).toEqual(CONSTITUENCIES);
  });

  test('`tracery tracker --repo packages/examples/mhhs --tranche T1` prints the same totals and constituency rows', async () => {
    let out = '';
    const code = await runCli(['tracker', '--repo', MHHS, '--tranche', 'T1', '--format', 'md'], {
      out: (s) => {
        out += s;
      },
      err: () => {},
      fancy: false,
    });
    expect(code).toBe(0);
    expect(out).toContain('707 comments from 15 organisations');
    expect(out).toContain('| IF-021 | UTC Settlement Period Consumption Data | 20 | 2 | 1 | 0 | 0 | 23 |');
    expect(out).toContain('| Large Supplier | 3 | 112 | 48 | 11 | 8 | 0 | 179 |');
    expect(out).toContain('| total | 15 | 446 | 187 | 44 | 30 | 0 | 707 |');
  });

  test('every comment of the example is marked illustrative: the pack gives counts, not texts', async () => {
    const loaded = await loadRepository(MHHS);
    const { comments } = await loadComments(loaded);
    expect(comments).toHaveLength(707);
    expect(comments.every((c) => c.illustrative === true)).toBe(true);
  });
});
