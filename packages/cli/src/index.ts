export { type CliIo, colourWanted, EXIT, processIo } from './cli-io.js';
export { registerBaseline } from './commands/baseline-command.js';
export { CHECK_FORMATS, registerCheck } from './commands/check-command.js';
export { registerDiff } from './commands/diff-command.js';
export { type Neo4jExportReport, registerExport, START_COMMAND } from './commands/export-command.js';
export { registerHistory } from './commands/history-command.js';
export { registerImpact } from './commands/impact-command.js';
export {
  type ImportedDiagramReport,
  type ImportReport,
  registerImport,
} from './commands/import-command.js';
export { registerReview, renderSuspectLinks } from './commands/review-command.js';
export { registerSchema, SCHEMA_FILES, SCHEMA_FOLDER } from './commands/schema-command.js';
export { registerStats, renderStats } from './commands/stats-command.js';
export { registerTrace, renderTraceHits } from './commands/trace-command.js';
export { registerValidate, type ValidateReport, validateReport } from './commands/validate-command.js';
export {
  ENVELOPE_SCHEMA_VERSION,
  envelopeJsonSchema,
  type JsonEnvelope,
  JsonEnvelopeSchema,
  jsonEnvelope,
} from './json-envelope.js';
export { plural } from './plural.js';
export { runCli, VERSION } from './program.js';
export { chooseRepository, findRepositoryRoot } from './repository-option.js';
