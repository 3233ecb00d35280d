import { impactOptionsFromConfig } from '../impact/impact-of-repository.js';
import type { TraceryConfig } from '../repository/repository-config.js';
import type { AssessOptions } from './assess-change-request.js';

/**
 * The assessment options a repository's config gives: its `impact:` settings (as
 * `impactOptionsFromConfig`) and its `estimate:` section; `overrides` (from the command line) win.
 *
 * @example
 * assessChangeRequest(model, 'CR001', assessOptionsFromConfig(loaded.config, { maxDepth: 3 }))
 */
export function assessOptionsFromConfig(config: TraceryConfig, overrides: AssessOptions = {}): AssessOptions {
  return {
    ...(config.estimate === undefined ? {} : { estimate: config.estimate }),
    ...impactOptionsFromConfig(config, overrides),
  };
}
