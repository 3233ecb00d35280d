import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadComments } from '../../src/comments/load-comments.js';
import { formatDiagnostic } from '../../src/diagnostics/diagnostic.js';
import { loadRepository } from '../../src/repository/load-repository.js';

const fixture = (name: string) => join(import.meta.dirname, '../fixtures/comments', name);

describe('loadComments', () => {
  test('given good comment files, when loaded, then every comment comes back with its artefact, round, status name and place', async () => {
    const loaded = await loadRepository(fixture('good'));
    expect(loaded.diagnostics).toEqual([]);
    const { comments, diagnostics, files } = await loadComments(loaded);
    expect(diagnostics).toEqual([]);
    expect(files).toEqual(['comments/MHHSP-IF-021/T1.yaml', 'comments/bp004.yaml']);
    expect(comments.map((c) => [c.id, c.artefact, c.round, c.status])).toEqual([
      ['BP004-T1-001', 'MHHSP-BP004', 'T1', 'Requires further clarification'],
      ['IF021-T1-001', 'MHHSP-IF-021', 'T1', 'Accepted'],
      ['IF021-T1-002', 'MHHSP-IF-021', 'T1', 'Action'],
      ['IF021-T1-003', 'MHHSP-IF-021', 'T1', 'Rejected'],
    ]);
    const first = comments.find((c) => c.id === 'IF021-T1-001')!;
    expect(first.resolution).toEqual({ version: '1.0' });
    expect(first.date).toBe('2022-03-14');
    expect(first.source).toMatchObject({ file: 'comments/MHHSP-IF-021/T1.yaml', line: 4, column: 5 });
  });

  test('given broken comment files, when loaded, then each problem is placed and suggests the fix', async () => {
    const loaded = await loadRepository(fixture('error'));
    const { comments, diagnostics } = await loadComments(loaded);
    const lines = diagnostics.map(formatDiagnostic);
    expect(lines).toEqual([
      expect.stringMatching(
        /^comments\/broken\.yaml:5:14.*warning comment-element-missing: comment C-1 on MHHSP-IF-021 is about "IF-02", which is not in the model; did you mean "IF-021"\?/,
      ),
      expect.stringMatching(
        /^comments\/broken\.yaml:9:13.*error comment-unknown-status: comment C-1: unknown status "Acepted"; did you mean "Accepted"\?/,
      ),
      expect.stringMatching(
        /^comments\/broken\.yaml:15:5.*error invalid-comment: unknown field "reponse" in a comment; did you mean "response"\?/,
      ),
      expect.stringMatching(
        /^comments\/broken\.yaml:16:5.*error duplicate-comment-id: comment id "C-1" is used twice/,
      ),
      expect.stringMatching(
        /^comments\/broken\.yaml:25:11.*error invalid-comment: date: expected a date written YYYY-MM-DD \(found "14\/03\/2022"\)/,
      ),
      expect.stringMatching(
        /^comments\/wrong-artefact\.yaml:1:11.*error comment-unknown-artefact: comment file is about artefact "MHHSP-IF-12", which is not in the model; did you mean "MHHSP-IF-021"\?/,
      ),
    ]);
    expect(comments.map((c) => c.id)).toEqual(['C-1']);
  });
});
