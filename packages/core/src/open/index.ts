export { importSourcePlugin } from './import-source-plugin.js';
export { type OpenOptions, openRepository } from './open-repository.js';
export { SOURCE_PACKAGES, type SourcePlugin } from './source-plugin.js';
export { type ImpactSeeds, TraceryRepository, type TraceWalkOptions } from './tracery-repository.js';
