export { applyDiff } from './apply-diff.js';
export { canonicalRelation, elementHash, relationHash } from './content-hash.js';
export { createBaseline } from './create-baseline.js';
export {
  changedIds,
  diffSnapshots,
  type ElementChange,
  elementChanges,
  type FieldChange,
  isEmptyDiff,
  type LinkReview,
  type ModelDiff,
  type RelationChange,
} from './diff-snapshots.js';
export { filesAtRevision, git, gitLocation } from './git.js';
export {
  BASELINES_FOLDER,
  type LoadedState,
  listBaselines,
  loadRepositoryAtRevision,
  loadState,
} from './load-state.js';
export {
  type DiffReport,
  diffReport,
  renderDiffMarkdown,
  renderDiffText,
  renderReviewsText,
} from './render-diff.js';
export { type ReviewedLink, type ReviewOptions, reviewLinks, reviewTargets } from './review-links.js';
export { type HashCache, REVIEW_FIELDS, reviewStamp } from './review-stamp.js';
export {
  BASELINE_FORMAT,
  BASELINE_HASH_SCHEME,
  type BaselineFile,
  BaselineFileSchema,
  baselineJson,
  createSnapshot,
  parseBaseline,
  type Snapshot,
} from './snapshot.js';
export { stampRelationInYaml, stampRelationsInYaml } from './stamp-relation-in-yaml.js';
export {
  findSuspectLinks,
  type SuspectLink,
  type SuspectLinkOptions,
  type SuspectReason,
} from './suspect-links.js';
export { type SuspectLinksConfig, SuspectLinksConfigSchema } from './suspect-links-config.js';
