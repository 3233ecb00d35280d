import type { Model } from '../model/model.js';
import type { TraceryConfig } from '../repository/repository-config.js';
import { computeImpact } from './compute-impact.js';
import type { ImpactOptions, ImpactResult } from './impact-types.js';

/** What {@link impactOfRepository} needs of a loaded repository. */
export type ImpactRepository = { readonly model: Model; readonly config: TraceryConfig };

/**
 * The impact options a repository's tracery.yaml gives (its `impact:` section), with `overrides` on top.
 * The effects of `impact.effects` are already in the loaded metamodel; they are repeated here so that a
 * model built by hand with the default metamodel gives the same answer.
 *
 * @example
 * computeImpact(loaded.model, ['DI-0023'], impactOptionsFromConfig(loaded.config, { maxDepth: 3 }))
 */
export function impactOptionsFromConfig(config: TraceryConfig, overrides: ImpactOptions = {}): ImpactOptions {
  const impact = config.impact ?? {};
  const effects = { ...(impact.effects ?? {}), ...(overrides.effects ?? {}) };
  return {
    ...(impact.maxDepth === undefined ? {} : { maxDepth: impact.maxDepth }),
    ...(impact.stopAtKinds === undefined ? {} : { stopAtKinds: impact.stopAtKinds }),
    ...(impact.skipTypes === undefined ? {} : { skipTypes: impact.skipTypes }),
    ...(impact.followUps === undefined ? {} : { followUps: impact.followUps }),
    ...overrides,
    ...(Object.keys(effects).length === 0 ? {} : { effects }),
  };
}

/**
 * The impact of a change on a loaded repository, with the settings of its tracery.yaml (`impact:`)
 * unless `options` say otherwise: the same answer as `tracery impact`.
 *
 * @example
 * const loaded = await loadRepository('packages/examples/mhhs');
 * impactOfRepository(loaded, ['DI-0023']).testsToRerun
 */
export function impactOfRepository(
  repository: ImpactRepository,
  changedIds: Iterable<string>,
  options: ImpactOptions = {},
): ImpactResult {
  return computeImpact(repository.model, changedIds, impactOptionsFromConfig(repository.config, options));
}
