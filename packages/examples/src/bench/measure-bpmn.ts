/// <reference path="../../../bpmn/src/bpmn-moddle.d.ts" />
import { readFile } from 'node:fs/promises';
import { importBpmn, parseBpmn } from '@tracery/bpmn';
import { BpmnModdle } from 'bpmn-moddle';

// Runs in its own process, so that heap and RSS are the pass's own:
// `node measure-bpmn.js <bare|parse|import> <list.json> <passes>`, where list.json holds file paths.
// Each pass reads every file the way its mode would be used; the pass with the least CPU time is reported.
const [mode, list, passesArg] = process.argv.slice(2);
if ((mode !== 'bare' && mode !== 'parse' && mode !== 'import') || !list) {
  process.stderr.write('usage: measure-bpmn <bare|parse|import> <list.json> [passes]\n');
  process.exit(2);
}
const paths = JSON.parse(await readFile(list, 'utf8')) as string[];
const files = await Promise.all(paths.map(async (path) => ({ path, bytes: await readFile(path) })));
const moddle = new BpmnModdle();
let heapPeak = 0;
let sampledAt = Number.NEGATIVE_INFINITY;
let failures = 0;

async function readOne(path: string, bytes: Buffer): Promise<void> {
  if (mode === 'bare') {
    // bpmn-moddle takes a string: the cheapest honest decoding is Node's UTF-8.
    await moddle.fromXML(bytes.toString('utf8')).catch(() => failures++);
  } else if (mode === 'parse') {
    const parsed = await parseBpmn(bytes, { file: path });
    if (!parsed.definitions) failures++;
  } else {
    const imported = await importBpmn(bytes, { file: path });
    if (!imported.parsed.definitions) failures++;
  }
  // Reading the heap costs about as much as a small file: sample it at most every 20 ms.
  const now = performance.now();
  if (now - sampledAt >= 20) {
    sampledAt = now;
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  }
}

// Wall time, and CPU time (user + system, all threads): on a busy machine CPU time is the steadier figure.
const times: { wall: number; cpu: number }[] = [];
for (let pass = 0; pass < Math.max(1, Number(passesArg ?? 1)); pass++) {
  failures = 0;
  const start = performance.now();
  const cpu = process.cpuUsage();
  for (const { path, bytes } of files) await readOne(path, bytes);
  const used = process.cpuUsage(cpu);
  times.push({ wall: performance.now() - start, cpu: (used.user + used.system) / 1000 });
}
const best = times.reduce((a, b) => (b.cpu < a.cpu ? b : a));
const bytes = files.reduce((sum, f) => sum + f.bytes.byteLength, 0);
process.stdout.write(
  `${JSON.stringify({ ms: best.wall, cpuMs: best.cpu, heapPeakMb: heapPeak / 2 ** 20, maxRssMb: process.resourceUsage().maxRSS / 1024, files: files.length, bytes, failures })}\n`,
);
