export { type ImportCsvOptions, type ImportCsvResult, writeImportCsv } from './bulk/write-import-csv.js';
export {
  type Neo4jConnectionOptions,
  type Neo4jTarget,
  openDriver,
  withConnection,
} from './connection/connection.js';
export { checkName, escapeName, type NameUse, relationshipTypeOf } from './cypher/cypher-name.js';
export { relationshipTypeMap } from './cypher/relationship-type-map.js';
export { Neo4jConnectionError, Neo4jQueryError, Neo4jServerError } from './errors/neo4j-errors.js';
export { schemaStatements } from './export/ensure-schema.js';
export {
  type ExportOptions,
  type ExportProgress,
  type ExportResult,
  exportModel,
  type SyncCounts,
} from './export/export-model.js';
export { graphHash } from './export/graph-hash.js';
export {
  DEFAULT_ELEMENT_LABEL,
  EXPORT_RECORD_LABEL,
  type GraphScope,
  type GraphScopeOptions,
  resolveScope,
} from './export/graph-scope.js';
export type { WriteCounters } from './export/write-counters.js';
export { type PullResult, pullModel } from './pull/pull-model.js';
export { type LevelStep, type LevelTypes, levelCypher } from './query/level-query.js';
export { type ImpactQueryOptions, queryImpact } from './query/query-impact.js';
export {
  queryDownstream,
  queryUpstream,
  type TraceDirection,
  type TraceHit,
  type TraceQueryOptions,
} from './query/query-trace.js';
export {
  type BuildTestServerOptions,
  buildTestServer,
  type TestServerBuild,
} from './server/build-test-server.js';
export {
  type ImportIntoTestServerOptions,
  type ImportIntoTestServerResult,
  importIntoTestServer,
} from './server/import-into-test-server.js';
export {
  startTestServer,
  stopTestServer,
  type TestServer,
  type TestServerAuth,
  type TestServerOptions,
} from './server/test-server.js';
