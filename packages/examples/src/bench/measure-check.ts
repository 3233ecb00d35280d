import { runCli } from '@tracery/cli';

// Runs `tracery check <dir> --format json` in this process, its standard output going to the
// parent (which counts the bytes) or with `--out FILE` to that file, and prints time and peak RSS on
// standard error as one JSON line: `node measure-check.js <dir> [--no-cache|--cache] [FILE]`.
const [dir, flag, out] = process.argv.slice(2);
if (!dir) {
  process.stderr.write('usage: measure-check <repository> [--no-cache|--cache] [out-file]\n');
  process.exit(2);
}
const cpu = process.cpuUsage();
const start = performance.now();
const code = await runCli([
  ...(flag === '--no-cache' ? ['--no-cache'] : []),
  'check',
  dir,
  '--format',
  'json',
  ...(out ? ['--out', out] : []),
]);
const ms = performance.now() - start;
const used = process.cpuUsage(cpu);
process.stderr.write(
  `${JSON.stringify({ code, ms, cpuMs: (used.user + used.system) / 1000, maxRssKb: process.resourceUsage().maxRSS })}\n`,
);
