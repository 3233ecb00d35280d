import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadComments } from '../../src/comments/load-comments.js';
import { loadRepository } from '../../src/repository/load-repository.js';
import { computeTracker } from '../../src/tracker/compute-tracker.js';
import {
  renderTrackerCsv,
  renderTrackerMarkdown,
  renderTrackerText,
} from '../../src/tracker/render-tracker.js';
import { compareTrackers } from '../../src/tracker/tracker-movement.js';

const fixture = join(import.meta.dirname, '../fixtures/comments/good');

async function load() {
  const loaded = await loadRepository(fixture);
  const { comments } = await loadComments(loaded);
  return { model: loaded.model, comments };
}

describe('computeTracker', () => {
  test('given 4 comments on 2 artefacts, then counts by artefact, interface, constituency and tranche follow the comment files', async () => {
    const { model, comments } = await load();
    const tracker = computeTracker(model, comments);
    // IF-021's artefact: one Accepted, one Action, one Rejected; BP004: one clarification (about IF-022).
    const ifRow = tracker.artefacts.find((a) => a.id === 'MHHSP-IF-021')!;
    expect(ifRow.comments).toEqual({
      byStatus: { Accepted: 1, Action: 1, Rejected: 1, 'Requires further clarification': 0, open: 0 },
      total: 3,
    });
    expect(ifRow).toMatchObject({
      service: 'SDS',
      ragLastMonth: 'Amber',
      ragThisMonth: 'Green',
      organisations: 3,
    });
    expect(tracker.interfaces.map((i) => [i.id, i.artefacts, i.comments.total])).toEqual([
      ['IF-021', ['MHHSP-IF-021'], 3],
      ['IF-022', [], 1],
    ]);
    expect(tracker.constituencies.map((c) => [c.constituency, c.organisations, c.comments.total])).toEqual([
      ['DNO', 1, 2],
      ['Large Supplier', 2, 2],
    ]);
    expect(
      tracker.tranches.map((t) => [
        t.tranche,
        t.artefactCount,
        t.services.map((s) => s.service),
        t.comments.total,
      ]),
    ).toEqual([
      ['T1', 2, ['SDS'], 4],
      ['T2', 1, ['REGS'], 0],
    ]);
    expect(tracker.totals).toMatchObject({ artefacts: 3, organisations: 3, constituencies: 2 });
    expect(tracker.totals.comments.total).toBe(4);
  });

  test('given a tranche, then only its artefacts and their comments count', async () => {
    const { model, comments } = await load();
    const t2 = computeTracker(model, comments, { tranche: 'T2' });
    expect(t2.artefacts.map((a) => a.id)).toEqual(['MHHSP-BP001']);
    expect(t2.totals.comments.total).toBe(0);
    expect(t2.constituencies).toEqual([]);
  });

  test('given an earlier tracker with fewer comments, then the movement names the artefact and the statuses that moved', async () => {
    const { model, comments } = await load();
    const before = computeTracker(
      model,
      comments.filter((c) => c.id !== 'IF021-T1-002'),
    );
    const after = computeTracker(model, comments);
    const movement = compareTrackers(before, after, 'git HEAD~1');
    expect(movement.artefacts).toEqual([
      {
        id: 'MHHSP-IF-021',
        change: 'changed',
        ragBefore: 'Green',
        ragAfter: 'Green',
        statusBefore: 'baselined',
        statusAfter: 'baselined',
        comments: { Action: 1 },
      },
    ]);
    expect(movement.totals).toEqual({ artefacts: 0, comments: { Action: 1 }, total: 1, organisations: 1 });
  });

  test('renderings list every artefact in tranche and service order, and are the same bytes each time', async () => {
    const { model, comments } = await load();
    const tracker = computeTracker(model, comments);
    const text = renderTrackerText(tracker);
    expect(text).toContain('3 artefacts; 4 comments from 3 organisations in 2 constituencies');
    expect(text.indexOf('MHHSP-BP004')).toBeLessThan(text.indexOf('MHHSP-BP001'));
    expect(renderTrackerMarkdown(tracker)).toContain('| DNO | 1 | 0 | 0 | 1 | 1 | 0 | 2 |');
    const csv = renderTrackerCsv(tracker).split('\r\n');
    expect(csv[0]).toBe(
      'tranche,service,artefact,name,status,RAG last month,RAG this month,planned DAG,expected DAG,issues,actions,Accepted,Action,Rejected,Requires further clarification,open,total',
    );
    expect(csv[2]).toBe(
      'T1,SDS,MHHSP-IF-021,IF-021 UTC Settlement Period Consumption Data,baselined,Amber,Green,2022-03,2022-04,,,1,1,1,0,0,3',
    );
    expect(renderTrackerText(computeTracker(model, [...comments].reverse()))).toBe(text);
  });
});
