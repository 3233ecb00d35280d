export { GENERATED_ID_PATTERNS, type GenerateOptions, generateModel } from './generate-model.js';
export { type Random, seededRandom } from './random.js';
export { writeGeneratedRepository } from './write-generated-repository.js';
