import { defineConfig } from 'tsup';
import { buildClient } from './client-build.js';

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
  tsconfig: 'tsconfig.build.json',
  // The browser's bundles and style sheets go to dist/assets, beside the module that copies them into a site.
  onSuccess: () => buildClient(),
});
