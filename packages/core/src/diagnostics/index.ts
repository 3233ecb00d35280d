export {
  compareDiagnostics,
  type Diagnostic,
  DiagnosticSchema,
  formatDiagnostic,
  formatSourceRef,
  hasErrors,
  type Severity,
  SeveritySchema,
  type SourceRef,
  SourceRefSchema,
} from './diagnostic.js';
export { DIAGNOSTIC_CODES, type DiagnosticCode } from './diagnostic-codes.js';
export { didYouMean, didYouMeanSuffix, editDistance } from './did-you-mean.js';
