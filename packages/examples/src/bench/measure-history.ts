import { pathToFileURL } from 'node:url';

// Runs one tracery command in this process and prints time and peak RSS on standard error as one JSON
// line: `node measure-history.js <cli> <args...>`. <cli> is `-` for this revision's @tracery/cli, or
// the path of another revision's built CLI (`packages/cli/dist/index.js`), which is then measured in
// the same way (the same wrapper, the same process start) for a side-by-side figure.
const [cli, ...args] = process.argv.slice(2);
if (!cli || args.length === 0) {
  process.stderr.write('usage: measure-history <cli module|-> <tracery arguments...>\n');
  process.exit(2);
}
type Cli = { runCli(args: readonly string[]): Promise<number> };
const cpu = process.cpuUsage();
const start = performance.now();
const { runCli } = (
  cli === '-' ? await import('@tracery/cli') : await import(pathToFileURL(cli).href)
) as Cli;
const code = await runCli(args);
const ms = performance.now() - start;
const used = process.cpuUsage(cpu);
process.stderr.write(
  `${JSON.stringify({ code, ms, cpuMs: (used.user + used.system) / 1000, maxRssKb: process.resourceUsage().maxRSS })}\n`,
);
