import { type Comment, compareComments } from './comment.js';

/**
 * The comments a page about one element shows: those made on it (when it is an artefact) and those
 * about it (their `element`), sorted by id.
 *
 * @example
 * commentsAbout(comments, 'IF-021') // the comments whose element is IF-021
 */
export function commentsAbout(comments: readonly Comment[], id: string): Comment[] {
  return comments.filter((c) => c.artefact === id || c.element === id).sort(compareComments);
}
