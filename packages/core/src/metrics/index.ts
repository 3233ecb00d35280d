export { computeStats, type RepositoryStats, UNSET } from './compute-stats.js';
