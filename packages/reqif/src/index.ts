export { REQIF_DIAGNOSTIC_CODES, type ReqifDiagnosticCode } from './diagnostics/reqif-diagnostic.js';
export { type ExportReqifOptions, exportReqif } from './export/export-reqif.js';
export { type ImportedReqif, importReqif } from './import-reqif.js';
export { type MappedReqif, type MapReqifOptions, mapReqif } from './map/map-reqif.js';
export { xhtmlToMarkdown } from './map/xhtml-to-markdown.js';
export { type ParsedReqif, parseReqif } from './parse/parse-reqif.js';
export type {
  ReqifAttributeDefinition,
  ReqifDocument,
  ReqifHierarchy,
  ReqifSpecification,
  ReqifSpecObject,
  ReqifSpecRelation,
  ReqifSpecType,
  ReqifValue,
  ReqifValueType,
} from './parse/reqif-document.js';
export { validateWithXmllint, type XmllintResult } from './validate/validate-with-xmllint.js';
export { parseReqifIdMap, reqifIdMapFile, reqifModelFile } from './write/reqif-model-file.js';
