import { expect, test } from 'vitest';
import { runCaptured } from './run-cli.js';

// Command modules load their code only when their command runs (start-up time, issue 17); the help
// is built from what is registered up front, so it must stay complete. This golden file holds the
// help of the program and of every command and sub-command, and what --version and a mistyped command
// print, as they were before loading became lazy: a missing option or command is a visible diff.

/** The command names a help text lists under "Commands:", without commander's own "help". */
function listedCommands(help: string): string[] {
  const block = /^Commands:\n((?: {2}.+\n)+)/m.exec(help)?.[1] ?? '';
  return [...block.matchAll(/^ {2}([a-z][a-z0-9-]*)\b/gm)].map((m) => m[1] ?? '').filter((n) => n !== 'help');
}

/** Every command path, depth first: [], ['validate'], ['import'], ['import', 'bpmn'], ... */
async function commandPaths(path: readonly string[] = []): Promise<string[][]> {
  const { out } = await runCaptured([...path, '--help']);
  const children = listedCommands(out).map((name) => [...path, name]);
  const below = await Promise.all(children.map((child) => commandPaths(child)));
  return [[...path], ...below.flat()];
}

async function transcript(args: readonly string[]): Promise<string> {
  const { code, out, err } = await runCaptured(args);
  return [`$ tracery ${args.join(' ')}`, `exit ${code}`, '--- stdout', out, '--- stderr', err, ''].join('\n');
}

test('the help of the program and of every command is what it was', async () => {
  const paths = await commandPaths();
  // The commands the design lists are there, and sub-commands were found (the walk went down).
  for (const name of ['validate', 'check', 'trace report', 'import bpmn', 'export neo4j', 'baseline create'])
    expect(paths.map((p) => p.join(' '))).toContain(name);
  const runs = [
    ...paths.map((path) => [...path, '--help']),
    ['help', 'validate'],
    ['--version'],
    ['valdate'],
    ['validate', '--no-such-option'],
    [],
    // The root's own cases, each answered without a command's code since the help became lazy too.
    ['help'],
    ['-h'],
    ['--help', 'validate'],
    ['--no-cache', '--help'],
    ['--bogus'],
    ['--bogus', 'validate'],
    ['help', 'nothere'],
    ['help', 'import'],
    ['--', 'validate', '--help'],
    ['baseline'],
  ];
  const texts: string[] = [];
  for (const args of runs) texts.push(await transcript(args));
  await expect(texts.join('\n')).toMatchFileSnapshot('__snapshots__/help-unchanged.txt');
});
