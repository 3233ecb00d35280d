import { join } from 'node:path';
import { openRepository, type TraceryRepository } from '@tracery/core';
import { beforeAll, describe, expect, test } from 'vitest';
import { runJson } from './run-cli.js';

// A script and the CLI give the same answers: for every command that openRepository answers, the
// payload of `tracery <command> --json` on the MHHS example equals what the script path gives. The
// script opens the repository without naming @tracery/bpmn (found by its package name), as a user's
// script does; the CLI brings the plugin itself.
const MHHS = join(import.meta.dirname, '..', '..', 'examples', 'mhhs');

const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

let repo: TraceryRepository;
beforeAll(async () => {
  repo = await openRepository(MHHS);
});

describe('the CLI and openRepository give the same payloads on the MHHS example', () => {
  test.each<[string, readonly string[], () => Promise<unknown> | unknown]>([
    ['impact of ids', ['impact', 'DI-0023', 'IF-021'], () => repo.impact(['DI-0023', 'IF-021'])],
    [
      'impact with a depth',
      ['impact', 'DI-0023', '--depth', '2'],
      () => repo.impact(['DI-0023'], { maxDepth: 2 }),
    ],
    ['impact since a baseline', ['impact', '--since', 'mhhs-v1'], () => repo.impact({ since: 'mhhs-v1' })],
    ['impact --cr', ['impact', '--cr', 'CR001'], () => repo.assess('CR001')],
    ['impact --decision', ['impact', '--decision', 'DEC-021'], () => repo.assess('DEC-021')],
    ['check', ['check'], () => repo.check()],
    ['trace down', ['trace', 'REQ-LSS-001'], () => repo.trace('REQ-LSS-001')],
    [
      'trace up with a depth',
      ['trace', 'IF-021', '--up', '--depth', '2'],
      () => repo.trace('IF-021', { direction: 'up', maxDepth: 2 }),
    ],
    [
      'trace down by relation names',
      ['trace', 'REQ-LSS-001', '--types', 'satisfiedBy,verifiedBy'],
      () => repo.trace('REQ-LSS-001', { types: ['satisfiedBy', 'verifiedBy'] }),
    ],
    ['trace --to', ['trace', 'REQ-LSS-001', '--to', 'IF-022'], () => repo.trace('REQ-LSS-001', 'IF-022')],
    ['trace report', ['trace', 'report'], async () => (await repo.testTrace()).report],
    ['diff', ['diff', 'mhhs-v1'], () => repo.diff('mhhs-v1')],
  ])('%s', async (_name, args, script) => {
    const { envelope } = await runJson([...args, '--repo', MHHS]);
    const answer = plain(await script());
    const { reviewedSince, ...payload } = envelope.payload as Record<string, unknown>;
    // --since also lists the reviews recorded since the base, apart: they are not changes
    expect(reviewedSince === undefined || Array.isArray(reviewedSince)).toBe(true);
    // trace wraps what the script gets in the question it answered
    if (args[0] === 'trace' && args[1] !== 'report')
      expect(payload.hits ?? payload.path).toEqual(answer ?? null);
    else expect(payload).toEqual(answer);
    expect(envelope.repository?.root).toBe(repo.root);
  });

  test('the payloads are not empty: each question has an answer on the example', async () => {
    expect((await repo.impact(['DI-0023'])).impacted.length).toBeGreaterThan(0);
    expect(repo.trace('REQ-LSS-001').length).toBeGreaterThan(0);
    expect(repo.trace('REQ-LSS-001', 'IF-022')?.length).toBeGreaterThan(0);
    expect((await repo.diff('mhhs-v1')).counts.elementsAdded).toBeGreaterThan(0);
  });
});
