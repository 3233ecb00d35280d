import { posix } from 'node:path';
import { stringify } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { type Comment, CommentEntrySchema, compareComments } from './comment.js';

const ENTRY_FIELDS = Object.keys(CommentEntrySchema.shape);

/**
 * Where a comment of this artefact and round is written when it has no file yet:
 * `comments/<artefact>/<round>.yaml`.
 *
 * @example
 * commentFilePath('MHHSP-IF-021', 'T1') // 'comments/MHHSP-IF-021/T1.yaml'
 */
export function commentFilePath(artefact: string, round: string): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '-');
  return `comments/${safe(artefact)}/${safe(round)}.yaml`;
}

function entryOf(comment: Comment): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of ENTRY_FIELDS) {
    const value = (comment as Record<string, unknown>)[field];
    if (value !== undefined) out[field] = value;
  }
  return out;
}

/** Where `tracery schema` writes the comment-file schema, relative to the repository root. */
const COMMENT_SCHEMA_PATH = '.tracery/comments.schema.json';

/**
 * The first line that points an editor (yaml-language-server) at the comment-file schema, for a
 * comment file at `file` (relative to the repository root, with `/`).
 *
 * @example
 * commentSchemaLine('comments/MHHSP-IF-021/T1.yaml') // '# yaml-language-server: $schema=../../.tracery/comments.schema.json'
 */
export function commentSchemaLine(file: string): string {
  return `# yaml-language-server: $schema=${posix.relative(posix.dirname(file), COMMENT_SCHEMA_PATH)}`;
}

/**
 * Renders one comment file canonically: artefact, round, then the comments sorted by id, each with its
 * fields in the schema's order. The same comments always give the same bytes. Given the file's path
 * in the repository, the text starts with the line that gives editors the comment-file schema.
 */
export function renderCommentFile(
  artefact: string,
  round: string,
  comments: readonly Comment[],
  file?: string,
): string {
  const body = stringify(
    { artefact, round, comments: [...comments].sort(compareComments).map(entryOf) },
    { lineWidth: 0, indentSeq: true, aliasDuplicateObjects: false },
  );
  return file === undefined ? body : `${commentSchemaLine(file)}\n${body}`;
}

/** What importing a log changes: the files to write (path -> text) and the ids added and updated. */
export type CommentWritePlan = {
  /** Path -> new text; null when the file is left with no comment and is to be deleted. */
  readonly files: ReadonlyMap<string, string | null>;
  readonly added: readonly string[];
  readonly updated: readonly string[];
  readonly unchanged: number;
  readonly diagnostics: readonly Diagnostic[];
};

function withoutSource(comment: Comment): Comment {
  const { source: _source, ...rest } = comment;
  return rest;
}

function sameComment(a: Comment, b: Comment): boolean {
  return (
    JSON.stringify(entryOf(a)) === JSON.stringify(entryOf(b)) &&
    a.artefact === b.artefact &&
    a.round === b.round
  );
}

/** The incoming comment laid over the existing one: the mapped fields come from the log, the rest stay. */
function overlay(existing: Comment, incoming: Comment, mapped: ReadonlySet<string>): Comment {
  const out: Record<string, unknown> = { ...existing };
  for (const field of [...ENTRY_FIELDS, 'artefact', 'round']) {
    if (!mapped.has(field)) continue;
    const value = (incoming as Record<string, unknown>)[field];
    if (value === undefined) delete out[field];
    else out[field] = value;
  }
  return out as Comment;
}

/**
 * Plans an import of comments into a repository: a comment whose id is new is added to
 * `comments/<artefact>/<round>.yaml`; a known id takes the log's values for the fields the mapping reads
 * (its status, response ...) and keeps the others; a comment that did not change writes nothing, so
 * importing the same log twice changes no file. A file is rewritten whole, canonically, when one of its
 * comments changed.
 *
 * @example
 * const plan = planCommentImport(loaded.comments, imported, new Set(['id', 'status', 'response']));
 */
export function planCommentImport(
  existing: readonly Comment[],
  incoming: readonly Comment[],
  mapped: ReadonlySet<string>,
): CommentWritePlan {
  const byId = new Map(existing.map((c) => [c.id, c]));
  const fileOf = (c: Comment) => c.source?.file ?? commentFilePath(c.artefact, c.round);
  const touched = new Set<string>();
  const added: string[] = [];
  const updated: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  let unchanged = 0;
  for (const comment of incoming) {
    if (seen.has(comment.id)) {
      diagnostics.push({
        code: 'duplicate-comment-id',
        severity: 'error',
        message: `comment id "${comment.id}" is on two rows of the log; the first is imported. Give each comment its own id.`,
        ...(comment.source ? { source: comment.source } : {}),
      });
      continue;
    }
    seen.add(comment.id);
    const before = byId.get(comment.id);
    const after = before ? overlay(before, comment, mapped) : withoutSource(comment);
    if (before && sameComment(before, after)) {
      unchanged++;
      continue;
    }
    const moved = before && (before.artefact !== after.artefact || before.round !== after.round);
    if (before) touched.add(fileOf(before));
    const placed: Comment = moved || !before ? withoutSource(after) : after;
    byId.set(comment.id, placed);
    touched.add(fileOf(placed));
    (before ? updated : added).push(comment.id);
  }
  return {
    files: renderTouched(byId, touched, fileOf),
    added: added.sort(),
    updated: updated.sort(),
    unchanged,
    diagnostics,
  };
}

function renderTouched(
  byId: ReadonlyMap<string, Comment>,
  touched: ReadonlySet<string>,
  fileOf: (c: Comment) => string,
): Map<string, string | null> {
  const groups = new Map<string, Comment[]>();
  for (const comment of byId.values()) {
    const file = fileOf(comment);
    if (!touched.has(file)) continue;
    const group = groups.get(file) ?? [];
    group.push(comment);
    groups.set(file, group);
  }
  const files = new Map<string, string | null>();
  for (const file of [...touched].sort()) {
    const group = groups.get(file) ?? [];
    const first = group[0];
    files.set(file, first ? renderCommentFile(first.artefact, first.round, group, file) : null);
  }
  return files;
}
