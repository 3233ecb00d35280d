import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TraceryError } from '@tracery/core';

/**
 * The folder of the site's built client assets (scripts, styles): `dist/assets` of this package, found
 * from the built module (`dist/`) or from its source (`src/build/`, as tests run it).
 */
export function assetFolder(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, 'assets'), join(here, '..', '..', 'dist', 'assets')];
  const found = candidates.find((dir) => existsSync(join(dir, 'site.css')));
  if (!found)
    throw new TraceryError(
      `the site's client assets are missing (looked in ${candidates.join(' and ')}); run "pnpm build" first.`,
    );
  return found;
}
