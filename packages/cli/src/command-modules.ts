import type { Command } from 'commander';
import type { CliIo } from './cli-io.js';

/** What registers one command (and its sub-commands) on the program. */
export type RegisterCommand = (program: Command, io: CliIo, setExit: (code: number) => void) => void;

/** A top-level command: its name, and how to import the module that registers it. */
export type CommandModule = { readonly name: string; readonly load: () => Promise<RegisterCommand> };

/**
 * The `import` and `export` commands with their sub-commands, which live in files of their own; the
 * sub-commands' output goes where the program's goes.
 */
function withSubcommands(
  name: string,
  parent: Promise<RegisterCommand>,
  children: readonly Promise<RegisterCommand>[],
): Promise<RegisterCommand> {
  return Promise.all([parent, ...children]).then(([registerParent, ...registerChildren]) => {
    return (program, io, setExit) => {
      registerParent!(program, io, setExit);
      const command = program.commands.find((c) => c.name() === name);
      if (!command) return;
      for (const register of registerChildren) register(command, io, setExit);
      for (const child of command.commands)
        child.exitOverride().configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
    };
  });
}

/**
 * Every command, in the order of the help, each imported only when the program registers it: a run of
 * one command imports that command's code alone (issue 17: start-up time), while the help and a
 * mistyped command still see them all.
 */
export const COMMAND_MODULES: readonly CommandModule[] = [
  { name: 'init', load: async () => (await import('./commands/init-command.js')).registerInit },
  { name: 'validate', load: async () => (await import('./commands/validate-command.js')).registerValidate },
  { name: 'stats', load: async () => (await import('./commands/stats-command.js')).registerStats },
  {
    name: 'metamodel',
    load: async () => (await import('./commands/metamodel-command.js')).registerMetamodel,
  },
  { name: 'schema', load: async () => (await import('./commands/schema-command.js')).registerSchema },
  { name: 'types', load: async () => (await import('./commands/types-command.js')).registerTypes },
  { name: 'trace', load: async () => (await import('./commands/trace-command.js')).registerTrace },
  { name: 'impact', load: async () => (await import('./commands/impact-command.js')).registerImpact },
  { name: 'baseline', load: async () => (await import('./commands/baseline-command.js')).registerBaseline },
  { name: 'diff', load: async () => (await import('./commands/diff-command.js')).registerDiff },
  { name: 'review', load: async () => (await import('./commands/review-command.js')).registerReview },
  { name: 'history', load: async () => (await import('./commands/history-command.js')).registerHistory },
  { name: 'check', load: async () => (await import('./commands/check-command.js')).registerCheck },
  {
    name: 'import',
    load: () =>
      withSubcommands(
        'import',
        import('./commands/import-command.js').then((m) => m.registerImport),
        [
          import('./commands/import-reqif-command.js').then((m) => m.registerImportReqif),
          import('./commands/import-comments-command.js').then((m) => m.registerImportComments),
          import('./commands/import-sheet-command.js').then((m) => m.registerImportSheets),
        ],
      ),
  },
  {
    name: 'export',
    load: () =>
      withSubcommands(
        'export',
        import('./commands/export-command.js').then((m) => m.registerExport),
        [
          import('./commands/export-reqif-command.js').then((m) => m.registerExportReqif),
          import('./commands/export-comments-command.js').then((m) => m.registerExportComments),
          import('./commands/export-sheet-command.js').then((m) => m.registerExportSheets),
        ],
      ),
  },
  { name: 'tracker', load: async () => (await import('./commands/tracker-command.js')).registerTracker },
  { name: 'site', load: async () => (await import('./commands/site-command.js')).registerSite },
  { name: 'serve', load: async () => (await import('./commands/serve-command.js')).registerServe },
  { name: 'view', load: async () => (await import('./commands/view-command.js')).registerView },
];

/** The root options that may come before a command's name (`tracery --no-cache validate`). */
const ROOT_FLAGS = new Set(['--no-cache']);

/**
 * The commands a run must register: the one it names, when its first word (after the root's own
 * flags) is a command; nothing for `--version`, which commander answers before any command; every
 * command otherwise (the help, `help <command>`, a mistyped command or option, no command), so that
 * the help is complete and a mistyped name gets its suggestion.
 */
export function commandsToRegister(args: readonly string[]): readonly CommandModule[] {
  const first = args.find((arg) => !ROOT_FLAGS.has(arg));
  if (first === '--version' || first === '-V') return [];
  const named = COMMAND_MODULES.find((c) => c.name === first);
  return named ? [named] : COMMAND_MODULES;
}
