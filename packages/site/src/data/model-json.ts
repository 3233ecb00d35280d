import type { Element, LoadedRepository, Relation, TraceryConfig } from '@tracery/core';

/** The model as the impact explorer loads it: the config (metamodel, impact and estimate settings) and every element and relation, in the model's own order. */
export type ModelJson = {
  readonly config: TraceryConfig;
  readonly elements: readonly Element[];
  readonly relations: readonly Relation[];
};

/** The model of a loaded repository as {@link ModelJson} text. */
export function modelJson(loaded: LoadedRepository): string {
  const json: ModelJson = {
    config: loaded.config,
    elements: [...loaded.model.elements()],
    relations: [...loaded.model.relations()],
  };
  return JSON.stringify(json);
}
