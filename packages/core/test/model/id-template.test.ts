import { describe, expect, test } from 'vitest';
import { createIdTemplateFiller, defaultIdTemplate } from '../../src/advanced.js';

describe('createIdTemplateFiller', () => {
  test('fills {n:3} with the first free numbers, skipping ids already taken', () => {
    const taken = new Set(['REQ-IMP-001', 'REQ-IMP-003']);
    const next = createIdTemplateFiller((id) => taken.has(id));
    expect([next('REQ-IMP-{n:3}'), next('REQ-IMP-{n:3}'), next('REQ-IMP-{n:3}')]).toEqual([
      'REQ-IMP-002',
      'REQ-IMP-004',
      'REQ-IMP-005',
    ]);
  });

  test('each template counts on its own; a template without {n} gets a number appended', () => {
    const next = createIdTemplateFiller(() => false);
    expect([next('BP{n:3}'), next('BP001-{n:2}'), next('BP{n:3}'), next('ROLE')]).toEqual([
      'BP001',
      'BP001-01',
      'BP002',
      'ROLE-1',
    ]);
  });

  test('default templates are built from the kind’s capitals', () => {
    expect([
      defaultIdTemplate('Requirement'),
      defaultIdTemplate('TestCase'),
      defaultIdTemplate('DataEntity'),
    ]).toEqual(['REQ-{n:4}', 'TC-{n:4}', 'DE-{n:4}']);
  });
});
