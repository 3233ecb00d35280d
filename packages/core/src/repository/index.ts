export { type DiscoveredFiles, discoverFiles } from './discover-files.js';
export { CONFIG_FILE, type LoadedConfig, loadConfig } from './load-config.js';
export {
  type LoadedRepository,
  type LoaderResult,
  type LoadOptions,
  loadRepository,
  type SourceLoader,
} from './load-repository.js';
export type { ElementDraft, RelationDraft } from './model-drafts.js';
export { FORBIDDEN_KEYS, type ParsedYamlFile, parseYamlFile } from './parse-yaml-file.js';
export {
  DEFAULT_LIMITS,
  defaultConfig,
  LimitsSchema,
  SourcesSchema,
  type TraceryConfig,
  TraceryConfigSchema,
} from './repository-config.js';
export { type ReqifConfig, ReqifConfigSchema } from './reqif-config.js';
export { type SaveOptions, saveRepository } from './save-repository.js';
export { writeFileAtomic } from './write-file-atomic.js';
