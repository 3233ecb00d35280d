import { formatPath, shortestPath } from '@tracery/core';
import { describe, expect, test } from 'vitest';
import { lssFragment } from './trace-model.js';

const show = (path: ReturnType<typeof shortestPath>) => (path ? formatPath(path) : undefined);

// Given the fragment, where IF-022 satisfies REQ-1 (three steps from IF-021 through BP018 steps), plus
// a principle that governs IF-021 and that REQ-1 refines: the two-step path through the principle is
// shorter, and means nothing.
function withPrinciple() {
  const model = lssFragment();
  model.addElement({ id: 'DP-00', kind: 'Principle', name: 'Design principles', attributes: {} });
  model.addRelation({ source: 'IF-021', type: 'governedBy', target: 'DP-00', attributes: {} });
  model.addRelation({ source: 'REQ-1', type: 'refines', target: 'DP-00', attributes: {} });
  model.addElement({ id: 'ART-1', kind: 'Artefact', name: 'Spec', attributes: {} });
  model.addRelation({ source: 'IF-021', type: 'documentedIn', target: 'ART-1', attributes: {} });
  model.addRelation({ source: 'REQ-1', type: 'documentedIn', target: 'ART-1', attributes: {} });
  return model;
}

describe('paths that mean something', () => {
  test.each([
    {
      given: 'the default: trace relations before governance and documentation links',
      options: {},
      path: 'IF-021 <-receives- BP018-01 -flowsTo-> BP018-02 -satisfies-> REQ-1',
    },
    {
      given: 'prefer shortest: whatever it crosses',
      options: { prefer: 'shortest' as const },
      path: 'IF-021 -documentedIn-> ART-1 <-documentedIn- REQ-1',
    },
    {
      given: '--types overrides: only the named relations',
      options: { types: ['governedBy', 'refinedBy'] },
      path: 'IF-021 -governedBy-> DP-00 <-refines- REQ-1',
    },
  ])('$given', ({ options, path }) => {
    expect(show(shortestPath(withPrinciple(), 'IF-021', 'REQ-1', options))).toBe(path);
  });

  test('when only a governance link connects two elements, the path crosses it', () => {
    const model = withPrinciple();
    model.addElement({ id: 'DP-01', kind: 'Principle', name: 'Another', attributes: {} });
    model.addRelation({ source: 'IF-022', type: 'governedBy', target: 'DP-01', attributes: {} });
    expect(show(shortestPath(model, 'DP-01', 'REQ-1'))).toBe('DP-01 <-governedBy- IF-022 -satisfies-> REQ-1');
  });

  test('every default relation type says whether it is a trace relation', async () => {
    const { defaultMetamodel } = await import('@tracery/core');
    const categories = Object.fromEntries(
      [...defaultMetamodel().relationTypes.values()].map((t) => [t.name, t.category]),
    );
    expect(categories).toEqual({
      partOf: 'trace',
      performs: 'trace',
      sends: 'trace',
      receives: 'trace',
      carries: 'trace',
      uses: 'trace',
      flowsTo: 'trace',
      satisfies: 'trace',
      verifies: 'trace',
      refines: 'trace',
      governedBy: 'governance',
      documentedIn: 'documentation',
      changes: 'change',
      dependsOn: 'trace',
    });
  });
});
