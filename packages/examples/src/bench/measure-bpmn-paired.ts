/// <reference path="../../../bpmn/src/bpmn-moddle.d.ts" />
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { importBpmn, parseBpmn } from '@tracery/bpmn';
import { BpmnModdle } from 'bpmn-moddle';

// `node --expose-gc measure-bpmn-paired.js <list.json> [forward|reverse]`: times bare bpmn-moddle,
// parseBpmn and importBpmn file by file, one right after the other, so that a busy machine slows the
// three alike. A collection is forced before each, outside the timing: without it each mode pays for
// collecting what the one before it left (bpmn-moddle's tree, the mapping), which moves time between
// them (measured on the 20 MiB diagram: 1.10x with it left to fall, 1.43x with it forced). The order
// alternates between processes: `forward` runs bare, parse, import; `reverse` import, parse, bare (with
// TRACERY_BPMN_BASELINE, `baseline` runs right after bare, or right before it in reverse).
// The first pass warms the JIT up; the second is reported, as CPU and wall milliseconds per mode.
const list = process.argv[2];
const order = process.argv[3] ?? 'forward';
if (!list || (order !== 'forward' && order !== 'reverse')) {
  process.stderr.write('usage: node measure-bpmn-paired <list.json> [forward|reverse]\n');
  process.exit(2);
}
const paths = JSON.parse(await readFile(list, 'utf8')) as string[];
const files = await Promise.all(paths.map(async (path) => ({ path, bytes: await readFile(path) })));
const moddle = new BpmnModdle();
// TRACERY_BPMN_BASELINE: the built @tracery/bpmn (dist/index.js) of another revision, such as main's in a
// temporary clone; its importBpmn is timed as a fourth mode, `baseline`, beside this revision's.
const baselinePath = process.env.TRACERY_BPMN_BASELINE;
const baseline = baselinePath
  ? ((await import(pathToFileURL(baselinePath).href)) as { importBpmn: typeof importBpmn })
  : undefined;
const modes = {
  bare: (_path: string, bytes: Buffer) => moddle.fromXML(bytes.toString('utf8')).catch(() => undefined),
  parse: (path: string, bytes: Buffer) => parseBpmn(bytes, { file: path }),
  import: (path: string, bytes: Buffer) => importBpmn(bytes, { file: path }),
  baseline: (path: string, bytes: Buffer) => baseline?.importBpmn(bytes, { file: path }),
} as const;
type Mode = keyof typeof modes;
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) {
  process.stderr.write('measure-bpmn-paired needs node --expose-gc\n');
  process.exit(2);
}
const collect: () => void = gc;
const FORWARD: readonly Mode[] = baseline
  ? ['bare', 'baseline', 'parse', 'import']
  : ['bare', 'parse', 'import'];
const REVERSE: readonly Mode[] = [...FORWARD].reverse();

async function pass(): Promise<Partial<Record<Mode, { cpu: number; wall: number }>>> {
  const totals: Partial<Record<Mode, { cpu: number; wall: number }>> = {};
  for (const mode of FORWARD) totals[mode] = { cpu: 0, wall: 0 };
  for (const { path, bytes } of files) {
    for (const mode of order === 'forward' ? FORWARD : REVERSE) {
      collect();
      const wall = performance.now();
      const cpu = process.cpuUsage();
      await modes[mode](path, bytes);
      const used = process.cpuUsage(cpu);
      const total = totals[mode] as { cpu: number; wall: number };
      total.cpu += (used.user + used.system) / 1000;
      total.wall += performance.now() - wall;
    }
  }
  return totals;
}

await pass();
process.stdout.write(`${JSON.stringify(await pass())}\n`);
