import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { compareDiagnostics } from '../diagnostics/diagnostic.js';
import type { Model } from '../model/model.js';
import { discoverFiles } from '../repository/discover-files.js';
import { parseYamlFast } from '../repository/parse-yaml-fast.js';
import { parseYamlFile } from '../repository/parse-yaml-file.js';
import { readSourceFile, repositoryPath } from '../repository/read-source-file.js';
import type { TraceryConfig } from '../repository/repository-config.js';
import { type Comment, compareComments } from './comment.js';
import { type CommentStatusDef, CommentsConfigSchema, commentStatuses } from './comments-config.js';
import { readCommentFile } from './read-comment-file.js';

/** A repository's review comments: every valid comment (sorted by id), the problems, the files read. */
export type LoadedComments = {
  readonly comments: readonly Comment[];
  readonly statuses: readonly CommentStatusDef[];
  readonly diagnostics: readonly Diagnostic[];
  /** Repository paths of the comment files, sorted. */
  readonly files: readonly string[];
};

/** What {@link loadComments} reads: a loaded repository's root, config and model. */
export type CommentsSource = {
  readonly root: string;
  readonly config: TraceryConfig;
  readonly model: Model;
};

function duplicates(comments: Comment[], diagnostics: Diagnostic[]): Comment[] {
  const seen = new Map<string, Comment>();
  const kept: Comment[] = [];
  for (const comment of comments) {
    const first = seen.get(comment.id);
    if (!first) {
      seen.set(comment.id, comment);
      kept.push(comment);
      continue;
    }
    diagnostics.push({
      code: 'duplicate-comment-id',
      severity: 'error',
      message: `comment id "${comment.id}" is used twice (first on ${first.artefact}); give each comment its own id.`,
      ...(comment.source ? { source: comment.source } : {}),
      ...(first.source ? { related: [{ message: `first "${comment.id}"`, source: first.source }] } : {}),
    });
  }
  return kept;
}

/**
 * Loads a repository's review comments (tracery.yaml `comments.files`, default `comments/**\/*.yaml`) and
 * validates them against the model: shape, unknown artefacts and elements (with the closest id as a
 * suggestion), unknown statuses, duplicate ids. Every problem is a positioned diagnostic.
 *
 * @example
 * const loaded = await loadRepository('packages/examples/mhhs');
 * const { comments } = await loadComments(loaded);
 */
export async function loadComments(repository: CommentsSource): Promise<LoadedComments> {
  const config = repository.config.comments ?? CommentsConfigSchema.parse({});
  const statuses = commentStatuses(config);
  const discovered = await discoverFiles(repository.root, config.files);
  const diagnostics: Diagnostic[] = [...discovered.diagnostics];
  const all: Comment[] = [];
  const files: string[] = [];
  for (const path of discovered.files) {
    const file = repositoryPath(repository.root, path);
    files.push(file);
    const read = await readSourceFile(repository.root, path, repository.config.limits.maxFileBytes);
    if ('diagnostic' in read) {
      diagnostics.push(read.diagnostic);
      continue;
    }
    const parsed =
      parseYamlFast(file, read.text) ??
      parseYamlFile(file, read.text, repository.config.limits.maxAliasCount);
    diagnostics.push(...parsed.diagnostics);
    if (parsed.value === undefined) continue;
    const result = readCommentFile(parsed, repository.model, statuses);
    all.push(...result.comments);
    diagnostics.push(...result.diagnostics);
  }
  const comments = duplicates(all, diagnostics).sort(compareComments);
  return { comments, statuses, diagnostics: diagnostics.sort(compareDiagnostics), files: files.sort() };
}
