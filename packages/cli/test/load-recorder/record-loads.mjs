import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';

// Loaded with `node --import` before a tracery process: every module the process loads is appended to
// the file TRACERY_LOAD_LOG names, one URL or path a line. ES modules are seen by the load hook (in
// load-hooks.mjs); CommonJS files (yaml's, neo4j-driver's) by require's cache when the process exits.
const log = process.env.TRACERY_LOAD_LOG;
if (log) {
  register('./load-hooks.mjs', import.meta.url, { data: { log } });
  const { cache } = createRequire(import.meta.url);
  process.on('exit', () =>
    appendFileSync(
      log,
      Object.keys(cache)
        .map((path) => `${path}\n`)
        .join(''),
    ),
  );
}
