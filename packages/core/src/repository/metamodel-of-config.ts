import { applyImpactConfig } from '../impact/apply-impact-config.js';
import { defaultMetamodel, type Metamodel } from '../metamodel/metamodel.js';
import {
  type ExtensionProblem,
  extendMetamodel,
  type MetamodelExtension,
} from '../metamodel/metamodel-extension.js';
import type { TraceryConfig } from './repository-config.js';

/**
 * The metamodel a validated config gives: the default metamodel, extended by `metamodel:` and with
 * the relation effects of `impact:`. One function, so that a worker thread that reads model files
 * builds exactly the metamodel of the load that started it.
 */
export function metamodelOfConfig(config: TraceryConfig): {
  readonly metamodel: Metamodel;
  /** The metamodel before the effects of `impact:` (against which `impact:` names are checked). */
  readonly extended: Metamodel;
  readonly problems: readonly ExtensionProblem[];
} {
  const { metamodel: extended, problems } = extendMetamodel(
    defaultMetamodel(),
    (config.metamodel ?? {}) as MetamodelExtension,
  );
  return { metamodel: applyImpactConfig(extended, config.impact ?? {}), extended, problems };
}
