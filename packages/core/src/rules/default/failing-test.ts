import { defineRule } from '../rule.js';
import { describeElement } from './describe-element.js';

/** A test case whose latest run failed (needs test results from the caller). */
export const failingTest = defineRule({
  id: 'failing-test',
  severity: 'error',
  description:
    'No test case failed in its latest run (needs test results: `tracery check` reads sources.results).',
  kinds: ['TestCase'],
  check(context) {
    const results = context.inputs.testResults;
    if (!results) return;
    for (const test of context.elements()) {
      const outcome = results.get(test.id);
      if (!outcome || (outcome.status !== 'failed' && outcome.status !== 'error')) continue;
      const verifies = context.related(test.id, 'verifies');
      const why = outcome.message ? `: ${outcome.message.split('\n')[0]}` : '';
      context.report({
        elementId: test.id,
        message: `${describeElement(test)} ${outcome.status === 'error' ? 'errored' : 'failed'} in its latest run${why}${verifies.length ? `; it verifies ${verifies.join(', ')}` : ''}.`,
        ...(outcome.source ? { related: [{ message: 'the test report', source: outcome.source }] } : {}),
      });
    }
  },
});
