import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    schemas: 'src/schemas.ts',
    render: 'src/render.ts',
    // escape imports nothing else of core: the CLI prints its help and version without the library.
    escape: 'src/escape.ts',
    advanced: 'src/advanced.ts',
    'testing/index': 'src/testing/index.ts',
    // The entry of the worker threads that parse model files (loaded by URL beside the bundle).
    'model-file-worker': 'src/repository/model-file-worker.ts',
  },
  format: ['esm'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
  tsconfig: 'tsconfig.build.json',
});
