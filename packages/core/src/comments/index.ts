export {
  type Comment,
  type CommentEntry,
  CommentEntrySchema,
  CommentFileSchema,
  type CommentResolution,
  CommentResolutionSchema,
  CommentSchema,
  compareComments,
} from './comment.js';
export { commentFileJsonSchema } from './comment-file-json-schema.js';
export {
  type CommentWritePlan,
  commentFilePath,
  planCommentImport,
  renderCommentFile,
} from './comment-files.js';
export { type CommentLinkSubject, commentLink } from './comment-link.js';
export { commentsAbout } from './comments-about.js';
export {
  type CommentStatusDef,
  CommentStatusDefSchema,
  type CommentsConfig,
  CommentsConfigSchema,
  commentStatuses,
  DEFAULT_COMMENT_STATUSES,
  resolveCommentStatus,
} from './comments-config.js';
export { commentsToTable } from './comments-to-table.js';
export { type CommentsSource, type LoadedComments, loadComments } from './load-comments.js';
export { missingElementDiagnostic } from './read-comment-file.js';
export { type TableToCommentsOptions, tableToComments } from './table-to-comments.js';
