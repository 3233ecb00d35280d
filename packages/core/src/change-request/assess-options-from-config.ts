import type { TraceryConfig } from '../repository/repository-config.js';
import type { AssessOptions } from './assess-change-request.js';

/**
 * The assessment options a repository's config gives: its `impact:` defaults and its `estimate:`
 * section; `overrides` (from the command line) win.
 *
 * @example
 * assessChangeRequest(model, 'CR001', assessOptionsFromConfig(loaded.config, { maxDepth: 3 }))
 */
export function assessOptionsFromConfig(config: TraceryConfig, overrides: AssessOptions = {}): AssessOptions {
  const impact = config.impact ?? {};
  return {
    ...(impact.maxDepth === undefined ? {} : { maxDepth: impact.maxDepth }),
    ...(impact.stopAtKinds === undefined ? {} : { stopAtKinds: impact.stopAtKinds }),
    ...(impact.skipTypes === undefined ? {} : { skipTypes: impact.skipTypes }),
    ...(config.estimate === undefined ? {} : { estimate: config.estimate }),
    ...overrides,
  };
}
