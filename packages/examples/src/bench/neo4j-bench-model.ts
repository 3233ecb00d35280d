import type { Model } from '@tracery/core';
import { generateModel, seededRandom } from '@tracery/core/testing';

/** The size of a model for the Neo4j benchmark: elements and relations, each hit exactly. */
export type Neo4jBenchShape = { readonly elements: number; readonly relations: number };

/**
 * A deterministic model of exactly `elements` elements and `relations` relations, in the shape of
 * the MHHS design: core's generator for the elements and their relations, then extra relations of
 * the kinds a mature design has many of (dependencies between steps and interfaces, requirements
 * satisfied and verified several times over, documents referring to many elements), until the count
 * is reached. Used by the Neo4j benchmark to export 100k elements and 500k relations.
 *
 * @example
 * const model = neo4jBenchModel({ elements: 100_000, relations: 500_000 });
 */
export function neo4jBenchModel(shape: Neo4jBenchShape, seed = 42): Model {
  const model = generateModel({ elements: shape.elements, seed });
  trimElements(model, shape.elements);
  const byKind = (kind: string) => [...model.idsOfKind(kind)];
  const steps = byKind('ProcessStep');
  const interfaces = byKind('Interface');
  const requirements = byKind('Requirement');
  const tests = byKind('TestCase');
  const artefacts = byKind('Artefact');
  const design = [...steps, ...interfaces];
  const random = seededRandom(seed + 1);
  const pick = (ids: readonly string[]) => ids[random.int(ids.length)]!;
  const extras: readonly (() => [string, string, string])[] = [
    () => ['dependsOn', pick(design), pick(design)],
    () => ['satisfies', pick(design), pick(requirements)],
    () => ['verifies', pick(tests), pick(requirements)],
    () => ['documentedIn', pick(design), pick(artefacts)],
  ];
  let guard = 0;
  while (model.relationCount < shape.relations) {
    const [type, source, target] = extras[random.int(extras.length)]!();
    if (source !== target) model.addRelation({ type, source, target, attributes: {} });
    guard += 1;
    if (guard > shape.relations * 4)
      throw new Error('neo4jBenchModel: the model is too small for so many relations.');
  }
  trimRelations(model, shape.relations);
  return model;
}

/** Removes the last elements of the biggest kind until the count is exact (the generator is within a few). */
function trimElements(model: Model, elements: number): void {
  const testCases = [...model.idsOfKind('TestCase')];
  while (model.elementCount > elements) model.removeElement(testCases.pop()!);
}

/** Removes relations from the end until the count is exact. */
function trimRelations(model: Model, relations: number): void {
  const all = [...model.relations()];
  while (model.relationCount > relations) model.removeRelation(all.pop()!);
}
