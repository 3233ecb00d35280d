import { join } from 'node:path';
import { runCli } from '@tracery/cli';

// The main job: the MHHS example end to end. Each step prints what a designer would see, and the
// run stops with the step's exit code if a step fails.
const repository = join(import.meta.dirname, '..', 'mhhs');
const out = join(repository, 'out');

type Step = { readonly title: string; readonly args: readonly string[]; readonly expect?: number };
const steps: Step[] = [
  { title: 'Validate the MHHS design repository', args: ['validate', repository] },
  { title: 'Count what it holds', args: ['stats', repository] },
  { title: 'Regenerate the JSON Schemas editors use', args: ['schema', repository] },
];

for (const step of steps) {
  process.stdout.write(`\n== ${step.title}: tracery ${step.args.join(' ').replaceAll(repository, 'mhhs')}\n`);
  const code = await runCli(step.args);
  if (code !== (step.expect ?? 0)) {
    process.stderr.write(`\nstep "${step.title}" exited with ${code}; stopping.\n`);
    process.exit(code || 1);
  }
}
process.stdout.write(`\nDone. Reports are in ${out}\n`);
