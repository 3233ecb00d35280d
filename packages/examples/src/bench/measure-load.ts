import { loadRepository } from '@tracery/core';

// Runs in its own process so that peak RSS is the load's own: `node measure-load.js <dir>`.
const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage: measure-load <repository>\n');
  process.exit(2);
}
const start = performance.now();
const loaded = await loadRepository(dir);
const ms = performance.now() - start;
const errors = loaded.diagnostics.filter((d) => d.severity === 'error').length;
process.stdout.write(
  `${JSON.stringify({ ms, maxRssKb: process.resourceUsage().maxRSS, elements: loaded.model.elementCount, relations: loaded.model.relationCount, files: loaded.files.length, errors })}\n`,
);
