import type { SourcePlugin } from '@tracery/core/advanced';
import { bpmnSourceLoader } from './load/bpmn-source-loader.js';
import { bpmnNotationRules } from './rules/bpmn-notation-rules.js';

/**
 * What `@tracery/bpmn` adds to a repository whose tracery.yaml has `sources.bpmn`: the diagrams join the
 * model on load, and the BPMN notation rules run in `check`. `openRepository` imports it by this name.
 *
 * @example
 * const repo = await openRepository('packages/examples/mhhs', { plugins: [traceryPlugin] });
 */
export const traceryPlugin: SourcePlugin = {
  source: 'bpmn',
  loader: () => bpmnSourceLoader(),
  rules: bpmnNotationRules,
};
