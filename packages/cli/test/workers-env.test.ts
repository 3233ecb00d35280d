import { afterAll, afterEach, describe, expect, test, vi } from 'vitest';
import { hostileRepo, removeHostileRepos } from './hostile/hostile-repo.js';
import { runCaptured } from './run-cli.js';

// TRACERY_WORKERS sets how many worker threads parse model files (core's workers setting): `auto`,
// a count, or 0 for none. The answers never depend on it; a bad value is refused before any load.

afterAll(removeHostileRepos);
afterEach(() => {
  vi.unstubAllEnvs();
});

/** The base repository with a second model file, so that two workers each get one. */
const twoFiles = () =>
  hostileRepo({
    'model/more.yaml':
      'elements:\n  - id: MB-B900\n    kind: DataEntity\n    name: Read by a second worker\n    blockCode: B900\n',
  });

describe('TRACERY_WORKERS in the CLI', () => {
  test('two forced workers, none, and auto answer the same', async () => {
    const dir = await twoFiles();
    const answers = [];
    for (const setting of ['2', '0', 'auto']) {
      vi.stubEnv('TRACERY_WORKERS', setting);
      answers.push(await runCaptured(['--no-cache', 'stats', dir, '--json']));
    }
    expect(answers[0]!.code).toBe(0);
    // The base repository's 6 elements (2 of them DataEntity) and the second file's one.
    const payload = JSON.parse(answers[0]!.out).payload;
    expect(payload.elements).toBe(7);
    expect(payload.countsByKind.DataEntity).toBe(3);
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
  });

  test.each(['bogus', '-1', '1.5'])(
    'TRACERY_WORKERS=%s is refused with exit 2, naming the variable and the fix',
    async (value) => {
      vi.stubEnv('TRACERY_WORKERS', value);
      const dir = await twoFiles();
      const result = await runCaptured(['--no-cache', 'stats', dir]);
      expect(result.code).toBe(2);
      expect(result.out).toBe('');
      expect(result.err).toContain(`TRACERY_WORKERS is "${value}"`);
      expect(result.err).toContain('set it to auto or to a whole number');
    },
  );
});
