export { type CliIo, EXIT, processIo } from './cli-io.js';
export { registerSchema, SCHEMA_FOLDER } from './commands/schema-command.js';
export { registerStats, renderStats } from './commands/stats-command.js';
export { registerValidate, type ValidateReport, validateReport } from './commands/validate-command.js';
export { runCli, VERSION } from './program.js';
