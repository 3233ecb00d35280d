import { afterAll, describe, expect, test } from 'vitest';
import { hostileRepo, removeHostileRepos, spawnPiped } from './hostile-repo.js';

afterAll(removeHostileRepos);

/** 3,000 interfaces that carry one data entity: its impact report is far past a pipe's 64 KB. */
function wideModel(): string {
  const lines = ['elements:', '  - { id: MB-X, kind: DataEntity, name: The shared block }'];
  for (let i = 0; i < 3000; i++)
    lines.push(
      `  - { id: IF-${String(i).padStart(4, '0')}, kind: Interface, name: Interface ${i}, carries: [MB-X] }`,
    );
  return `${lines.join('\n')}\n`;
}

describe('a reader that goes away', () => {
  test('tracery impact ... | head -1 ends quietly with the usual status', async () => {
    const repo = await hostileRepo({ 'model/wide.yaml': wideModel() });
    const piped = await spawnPiped(['impact', 'MB-X', '--repo', repo], '| head -1');
    expect(piped.out).toBe('Changed: MB-X\n');
    expect(piped.err).toBe('');
    expect(piped.code).toBe(0);
  });

  test('a closed standard output ends quietly too', async () => {
    const repo = await hostileRepo({ 'model/wide.yaml': wideModel() });
    const closed = await spawnPiped(['impact', 'MB-X', '--repo', repo], '>&-');
    expect(closed.err).toBe('');
    expect(closed.code).toBe(0);
  });
});
