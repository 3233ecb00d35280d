import type { SourceLoader } from '../repository/load-repository.js';
import type { Rule } from '../rules/rule.js';

/**
 * What a package such as `@tracery/bpmn` contributes for one kind of source that tracery.yaml's
 * `sources:` names (`sources.bpmn`): the loader that turns those files into elements and relations,
 * and the rules that report on them. The package exports it as `traceryPlugin`, so that
 * {@link openRepository} can find it by the package's name without core importing the package.
 *
 * @example
 * export const traceryPlugin: SourcePlugin = { source: 'bpmn', loader: () => bpmnSourceLoader(), rules: bpmnNotationRules };
 */
export type SourcePlugin = {
  /** The key of `sources:` in tracery.yaml that this plugin reads (`bpmn`). */
  readonly source: string;
  /** A fresh loader for one load of a repository. */
  readonly loader: () => SourceLoader;
  /** The rules that go with the source, run by `check` beside the default rules. */
  readonly rules?: () => readonly Rule[];
};

/**
 * The package that reads each kind of source beyond the model files and test results: `openRepository`
 * imports it (by name, at run time) when tracery.yaml's `sources:` has that key.
 */
export const SOURCE_PACKAGES: Readonly<Record<string, string>> = { bpmn: '@tracery/bpmn' };
