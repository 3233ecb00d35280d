import { z } from 'zod';
import { SourceRefSchema } from '../diagnostics/diagnostic.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const Text = z.string().trim().min(1);

/** What resolved a comment: a change request, a commit, or the artefact version that answers it. */
export const CommentResolutionSchema = z
  .object({
    changeRequest: Text.optional().describe('The id of the change request that carries the change.'),
    commit: Text.optional().describe('The git commit that made the change.'),
    version: Text.optional().describe('The version of the artefact that answers the comment.'),
  })
  .strict();
export type CommentResolution = z.infer<typeof CommentResolutionSchema>;

/** One comment as written in a comment file, under `comments:` (the file gives its artefact and round). */
export const CommentEntrySchema = z
  .object({
    id: Text.describe(
      'The comment id, unique in the repository (the log\'s reference, such as "IF021-T1-001").',
    ),
    element: Text.optional().describe('The id of the element the comment is about, when it is about one.'),
    section: Text.optional().describe('The section or page of the artefact ("3.2").'),
    organisation: Text.describe('The organisation that made the comment.'),
    constituency: Text.describe('The constituency the organisation speaks for ("Large Supplier").'),
    date: z.string().regex(DATE, 'expected a date written YYYY-MM-DD').optional(),
    text: Text.describe('What the comment says.'),
    status: Text.describe(
      "The status, one of tracery.yaml's comments.statuses (default: Accepted, Action ...).",
    ),
    response: Text.optional().describe("The answer of the artefact's authors."),
    resolution: CommentResolutionSchema.optional(),
    illustrative: z
      .boolean()
      .optional()
      .describe('True when the text is made up to stand for a counted comment.'),
  })
  .strict();
export type CommentEntry = z.infer<typeof CommentEntrySchema>;

/** A comment file: the artefact and review round its comments are about, and the comments. */
export const CommentFileSchema = z
  .object({
    artefact: Text.describe('The id of the Artefact the comments are about.'),
    round: Text.describe('The review round ("T1", "T2-R2").'),
    comments: z.array(z.unknown()).describe('The comments, each validated on its own.'),
  })
  .strict();

/** A loaded comment: the entry with its artefact, round and where it is written. */
export const CommentSchema = CommentEntrySchema.extend({
  artefact: Text,
  round: Text,
  source: SourceRefSchema.optional(),
});
export type Comment = z.infer<typeof CommentSchema>;

/** Orders comments by id with a plain `<`, as every Tracery output is ordered. */
export function compareComments(a: Pick<Comment, 'id'>, b: Pick<Comment, 'id'>): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
