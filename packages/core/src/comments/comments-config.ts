import { z } from 'zod';

/** One review-comment status: its name as the programme writes it, what it means, and what it blocks. */
export const CommentStatusDefSchema = z
  .object({
    name: z.string().min(1).describe('The status as the comment logs write it, such as "Accepted".'),
    meaning: z.string().optional().describe('What the status means, for the tracker and the site.'),
    aliases: z
      .array(z.string().min(1))
      .default([])
      .describe('Other spellings accepted on import ("Clarification" for "Requires further clarification").'),
    blocksBaseline: z
      .boolean()
      .default(false)
      .describe('True when an artefact cannot be baselined while a comment has this status.'),
  })
  .strict();
export type CommentStatusDef = z.infer<typeof CommentStatusDefSchema>;

/** The programme's four statuses and `open`, in the order the tracker shows them. */
export const DEFAULT_COMMENT_STATUSES: readonly CommentStatusDef[] = [
  {
    name: 'Accepted',
    meaning: 'The comment is agreed and the artefact was (or will be) changed as it asks.',
    aliases: [],
    blocksBaseline: false,
  },
  {
    name: 'Action',
    meaning: 'The comment needs work before the artefact can be re-issued.',
    aliases: [],
    blocksBaseline: true,
  },
  {
    name: 'Rejected',
    meaning: 'The comment was considered and the artefact stays as it is; the response says why.',
    aliases: [],
    blocksBaseline: false,
  },
  {
    name: 'Requires further clarification',
    meaning: 'The reviewer is asked to say more before the comment can be answered.',
    aliases: ['Requires clarification', 'Clarification', 'Needs clarification'],
    blocksBaseline: true,
  },
  {
    name: 'open',
    meaning: 'The comment has not been answered yet.',
    aliases: ['Open', 'New'],
    blocksBaseline: true,
  },
];

/** The schemes a comment link may use: a web form or an e-mail, never `javascript:` or `data:`. */
const LINK_SCHEME = /^(https?:\/\/|mailto:)/i;

/** The `comments:` section of tracery.yaml: where comment files are, their statuses, the comment link. */
export const CommentsConfigSchema = z
  .object({
    files: z
      .array(z.string().min(1))
      .default(['comments/**/*.yaml', 'comments/**/*.yml'])
      .describe('Globs of the comment files, relative to the repository root.'),
    statuses: z
      .array(CommentStatusDefSchema)
      .min(1)
      .optional()
      .describe(
        'The statuses a comment can have, in the order the tracker shows them (default: the four and open).',
      ),
    link: z
      .string()
      .regex(
        LINK_SCHEME,
        'expected an https:, http: or mailto: address (a "comment on this" link never runs script); write it as "https://forms.example/new?artefact={id}" or "mailto:design@example.org?subject={id}"',
      )
      .optional()
      .describe(
        'A "comment on this" address or URL template for the site: {id}, {kind}, {name} and {artefact} are filled in, URL-encoded.',
      ),
  })
  .strict();
export type CommentsConfig = z.infer<typeof CommentsConfigSchema>;

/**
 * The statuses a repository's comments can have: those of tracery.yaml's `comments.statuses`, or the defaults.
 *
 * @example
 * commentStatuses(undefined).map((s) => s.name) // ['Accepted', 'Action', 'Rejected', 'Requires further clarification', 'open']
 */
export function commentStatuses(config: CommentsConfig | undefined): readonly CommentStatusDef[] {
  return config?.statuses ?? DEFAULT_COMMENT_STATUSES;
}

/**
 * Finds the status a written value means: its name or an alias, ignoring case and surrounding spaces.
 *
 * @example
 * resolveCommentStatus(DEFAULT_COMMENT_STATUSES, 'clarification')?.name // 'Requires further clarification'
 */
export function resolveCommentStatus(
  statuses: readonly CommentStatusDef[],
  written: string,
): CommentStatusDef | undefined {
  const wanted = written.trim().toLowerCase();
  return statuses.find(
    (s) => s.name.toLowerCase() === wanted || s.aliases.some((a) => a.toLowerCase() === wanted),
  );
}
