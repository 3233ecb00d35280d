export { type ImportedModelFileOptions, importedModelFile } from './imported-model-file.js';
