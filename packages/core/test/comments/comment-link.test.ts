import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { commentLink } from '../../src/comments/comment-link.js';
import { commentsAbout } from '../../src/comments/comments-about.js';
import { CommentsConfigSchema } from '../../src/comments/comments-config.js';
import { loadComments } from '../../src/comments/load-comments.js';
import { loadRepository } from '../../src/repository/load-repository.js';

test('the "comment on this" link fills the template with URL-encoded values, and is absent without a template', () => {
  const template = 'mailto:design@example.org?subject=Comment%20on%20{id}&body={name}%20({kind})';
  expect(commentLink(template, { id: 'IF-021', kind: 'Interface', name: 'UTC data & more' })).toBe(
    'mailto:design@example.org?subject=Comment%20on%20IF-021&body=UTC%20data%20%26%20more%20(Interface)',
  );
  expect(commentLink(undefined, { id: 'IF-021', kind: 'Interface', name: 'x' })).toBeUndefined();
});

test('an element page gets the comments about it; an artefact page the comments made on it', async () => {
  const loaded = await loadRepository(join(import.meta.dirname, '../fixtures/comments/good'));
  const { comments } = await loadComments(loaded);
  expect(loaded.config.comments?.link).toContain('{id}');
  expect(commentsAbout(comments, 'IF-021').map((c) => c.id)).toEqual(['IF021-T1-002']);
  expect(commentsAbout(comments, 'MHHSP-IF-021').map((c) => c.id)).toEqual([
    'IF021-T1-001',
    'IF021-T1-002',
    'IF021-T1-003',
  ]);
  expect(commentsAbout(comments, 'IF-022').map((c) => c.id)).toEqual(['BP004-T1-001']);
});

test('tracery.yaml refuses a comment link that is not an https:, http: or mailto: address, naming the line and the fix', async () => {
  for (const link of [
    'javascript:alert(1)',
    ' javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'data:text/html,x',
    'vbscript:x',
    '//forms.example/{id}',
  ])
    expect(CommentsConfigSchema.safeParse({ link }).success, link).toBe(false);
  for (const link of [
    'https://forms.example/new?artefact={id}',
    'HTTP://intranet/{id}',
    'mailto:design@example.org?subject={id}',
  ])
    expect(CommentsConfigSchema.safeParse({ link }).success, link).toBe(true);
  const dir = await mkdtemp(join(tmpdir(), 'tracery-comment-link-'));
  await cp(join(import.meta.dirname, '../fixtures/comments/good'), dir, { recursive: true });
  const config = await readFile(join(dir, 'tracery.yaml'), 'utf8');
  const lines = config.split('\n');
  const line = lines.findIndex((l) => /^\s+link:/.test(l));
  lines[line] = '  link: "javascript:alert(document.cookie)"';
  await writeFile(join(dir, 'tracery.yaml'), lines.join('\n'));
  const loaded = await loadRepository(dir);
  const problem = loaded.diagnostics.find((d) => d.code === 'invalid-config');
  expect(problem?.source).toMatchObject({ file: 'tracery.yaml', line: line + 1 });
  expect(problem?.message).toContain('javascript:alert(document.cookie)');
  expect(problem?.message).toContain('https:, http: or mailto:');
});
