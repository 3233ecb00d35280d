export { type JsonSchema, jsonSchemas } from './json-schemas.js';
