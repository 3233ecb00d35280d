import { defineConfig } from 'tsup';
import { buildClient } from './client-build.js';

export default defineConfig({
  // text-view-names: the views' names alone, for the CLI's help without importing the site.
  entry: { index: 'src/index.ts', 'text-view-names': 'src/text-views/text-view-names.ts' },
  format: ['esm'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
  tsconfig: 'tsconfig.build.json',
  // The browser's bundles and style sheets go to dist/assets, beside the module that copies them into a site.
  onSuccess: () => buildClient(),
});
