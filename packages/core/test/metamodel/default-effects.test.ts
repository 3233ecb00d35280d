import { defaultMetamodel } from '@tracery/core';
import { expect, test } from 'vitest';

// The default effects, row by row, as the core README's table gives them with its reasons. Rows that
// refine DESIGN.md's starting table say so.
test.each([
  ['partOf', 'propagate', 'none'], // the whole changed; a whole changing names the parts that change
  ['performs', 'notify', 'notify'], // the performer must act; the process must be re-checked
  ['sends', 'notify', 'notify'],
  ['receives', 'notify', 'notify'],
  ['carries', 'none', 'propagate'], // an interface changes with the data it carries
  ['uses', 'none', 'notify'], // refined: the user of changed data must act; what else it does is unchanged
  ['flowsTo', 'none', 'none'],
  ['satisfies', 'notify', 'propagate'], // re-verify; the design must change with its requirement
  ['verifies', 'none', 'notify'], // re-run
  ['refines', 'notify', 'propagate'],
  ['governedBy', 'none', 'notify'], // re-assess compliance
  ['documentedIn', 'notify', 'none'], // re-issue
  ['changes', 'none', 'none'], // a change request seeds a run
  ['dependsOn', 'none', 'notify'], // refined: the dependent must act; it does not pass the change on
])('%s: forward %s, backward %s', (type, forward, backward) => {
  expect(defaultMetamodel().relationTypes.get(type)?.impact).toEqual({ forward, backward });
});
