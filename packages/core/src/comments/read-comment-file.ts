import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { didYouMeanSuffix } from '../diagnostics/did-you-mean.js';
import type { Model } from '../model/model.js';
import type { ParsedYamlText } from '../repository/parse-yaml-file.js';
import { describeValue } from '../repository/schema-issue.js';
import { isSeqNode, keyNode, nodeAtPath, positionOf } from '../repository/yaml-position.js';
import { type Comment, CommentEntrySchema, CommentFileSchema } from './comment.js';
import { type CommentStatusDef, resolveCommentStatus } from './comments-config.js';

/** What a comment file gives: its comments (each valid on its own) and the problems found. */
export type ReadCommentFile = { readonly comments: Comment[]; readonly diagnostics: Diagnostic[] };

function schemaDiagnostics(
  parsed: ParsedYamlText,
  base: readonly PropertyKey[],
  issues: readonly { path: readonly PropertyKey[]; message: string; code: string; keys?: string[] }[],
  value: unknown,
  known: readonly string[],
): Diagnostic[] {
  return issues.map((issue) => {
    const path = [...base, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      const key = issue.keys?.[0] ?? '';
      const parent = nodeAtPath(parsed.root, path);
      return {
        code: 'invalid-comment',
        severity: 'error' as const,
        message: `unknown field "${key}" in a comment${didYouMeanSuffix(key, known)}; the fields are ${known.join(', ')}.`,
        source: positionOf(parsed.source, keyNode(parent, key) ?? parent),
      };
    }
    let at: unknown = value;
    for (const p of issue.path) at = (at as Record<PropertyKey, unknown> | undefined)?.[p];
    return {
      code: 'invalid-comment',
      severity: 'error' as const,
      message: `${issue.path.join('.') || 'the comment'}: ${issue.message} (found ${describeValue(at)}); correct the value.`,
      source: positionOf(parsed.source, nodeAtPath(parsed.root, path)),
    };
  });
}

/** The checks of one comment against the model and the statuses; returns the comment with its status name. */
function checkComment(
  comment: Comment,
  model: Model,
  statuses: readonly CommentStatusDef[],
  at: (field: string) => ReturnType<typeof positionOf>,
  diagnostics: Diagnostic[],
): Comment {
  const status = resolveCommentStatus(statuses, comment.status);
  if (!status)
    diagnostics.push({
      code: 'comment-unknown-status',
      severity: 'error',
      message: `comment ${comment.id}: unknown status "${comment.status}"${didYouMeanSuffix(
        comment.status,
        statuses.map((s) => s.name),
      )}; the statuses are ${statuses.map((s) => s.name).join(', ')} (tracery.yaml comments.statuses).`,
      source: at('status'),
    });
  if (comment.element !== undefined && !model.hasElement(comment.element))
    diagnostics.push(missingElementDiagnostic(comment, model, at('element')));
  return status ? { ...comment, status: status.name } : comment;
}

/**
 * The finding for a comment about an element that is not in the model (removed or renamed since the
 * comment was made), with the closest id as a suggestion.
 */
export function missingElementDiagnostic(
  comment: Pick<Comment, 'id' | 'element' | 'artefact'>,
  model: Model,
  source?: Comment['source'],
): Diagnostic {
  return {
    code: 'comment-element-missing',
    severity: 'warning',
    message: `comment ${comment.id} on ${comment.artefact} is about "${comment.element}", which is not in the model${didYouMeanSuffix(
      comment.element ?? '',
      model.elementIds(),
    )}; point the comment at the element that replaced it, or remove "element".`,
    ...(source ? { source } : {}),
  };
}

function artefactDiagnostic(parsed: ParsedYamlText, artefact: string, model: Model): Diagnostic | undefined {
  const source = positionOf(parsed.source, nodeAtPath(parsed.root, ['artefact']));
  if (!model.hasElement(artefact)) {
    const guess = didYouMeanSuffix(artefact, model.idsOfKind('Artefact'));
    return {
      code: 'comment-unknown-artefact',
      severity: 'error',
      message: `comment file is about artefact "${artefact}", which is not in the model${guess}; use the id of an Artefact.`,
      source,
    };
  }
  const kind = model.getElement(artefact).kind;
  if (kind === 'Artefact') return undefined;
  return {
    code: 'comment-unknown-artefact',
    severity: 'error',
    message: `comment file is about "${artefact}", a ${kind}, not an Artefact; comments are made on artefacts (use "element: ${artefact}" for the element a comment is about).`,
    source,
  };
}

/**
 * Reads one parsed comment file: checks its shape, each comment's fields, its artefact, element and
 * status against the model and the statuses. Every problem is a positioned diagnostic; a bad comment
 * is left out, the others are kept.
 */
export function readCommentFile(
  parsed: ParsedYamlText,
  model: Model,
  statuses: readonly CommentStatusDef[],
): ReadCommentFile {
  const diagnostics: Diagnostic[] = [];
  const file = CommentFileSchema.safeParse(parsed.value);
  if (!file.success) {
    const known = Object.keys(CommentFileSchema.shape);
    diagnostics.push(...schemaDiagnostics(parsed, [], file.error.issues as never, parsed.value, known));
    return { comments: [], diagnostics };
  }
  const { artefact, round } = file.data;
  const bad = artefactDiagnostic(parsed, artefact, model);
  if (bad) diagnostics.push(bad);
  const comments: Comment[] = [];
  const known = Object.keys(CommentEntrySchema.shape);
  const list = nodeAtPath(parsed.root, ['comments']);
  file.data.comments.forEach((raw, index) => {
    const entry = CommentEntrySchema.safeParse(raw);
    if (!entry.success) {
      diagnostics.push(
        ...schemaDiagnostics(parsed, ['comments', index], entry.error.issues as never, raw, known),
      );
      return;
    }
    const node = isSeqNode(list) ? list.items[index] : undefined;
    const source = positionOf(parsed.source, (node as never) ?? list);
    const at = (field: string) =>
      positionOf(parsed.source, nodeAtPath(parsed.root, ['comments', index, field]));
    const comment: Comment = { ...entry.data, artefact, round, source };
    comments.push(checkComment(comment, model, statuses, at, diagnostics));
  });
  return { comments: bad ? [] : comments, diagnostics };
}
