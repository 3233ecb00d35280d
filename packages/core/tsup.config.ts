import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { defineConfig } from 'tsup';

// yaml's own ES module build (its package calls it the browser build: the same code, except that
// what yaml warns of goes to console.warn rather than process.emitWarning), which its exports map does
// not name, so it is found by path.
const yamlModules = join(
  dirname(createRequire(import.meta.url).resolve('yaml/package.json')),
  'browser',
  'dist',
  'index.js',
);

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
  // yaml is bundled: its Node build is some seventy CommonJS files, each resolved, read and compiled
  // on its own at every start (about 80 ms of CPU of the library's import, issue 17); bundled from its
  // ES modules it is part of one chunk. Its nodes are told apart by Symbol.for keys, so a document
  // parsed here is a document to another copy of yaml too. zod stays external: other packages compose
  // core's schemas with their own zod.
  noExternal: ['yaml'],
  esbuildOptions(options) {
    options.alias = { ...options.alias, yaml: yamlModules };
  },
});
