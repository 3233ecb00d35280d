import { loadRepository } from '@tracery/core';

// Runs in its own process so that peak RSS is the load's own: `node measure-load.js <dir> [cache]`.
const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage: measure-load <repository> [cache]\n');
  process.exit(2);
}
const cache = process.argv[3] === 'cache';
const cpu = process.cpuUsage();
const start = performance.now();
const loaded = await loadRepository(dir, { cache });
const ms = performance.now() - start;
const used = process.cpuUsage(cpu);
const errors = loaded.diagnostics.filter((d) => d.severity === 'error').length;
process.stdout.write(
  `${JSON.stringify({ ms, cpuMs: (used.user + used.system) / 1000, maxRssKb: process.resourceUsage().maxRSS, elements: loaded.model.elementCount, relations: loaded.model.relationCount, files: loaded.files.length, errors })}\n`,
);
