export { computeTracker, NONE, type TrackerOptions } from './compute-tracker.js';
export {
  renderTrackerCsv,
  renderTrackerHtml,
  renderTrackerJson,
  renderTrackerMarkdown,
  renderTrackerText,
} from './render-tracker.js';
export {
  type RepositoryTracker,
  repositoryTracker,
  repositoryTrackerAtRevision,
} from './repository-tracker.js';
export { type ArtefactMovement, compareTrackers, type TrackerMovement } from './tracker-movement.js';
export { type TrackerSince, trackerSince } from './tracker-since.js';
export { artefactTable, type TrackerTable, trackerTables } from './tracker-tables.js';
export type {
  StatusCounts,
  TrackerArtefact,
  TrackerConstituency,
  TrackerInterface,
  TrackerReport,
  TrackerService,
  TrackerTranche,
} from './tracker-types.js';
