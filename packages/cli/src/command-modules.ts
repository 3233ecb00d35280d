import type { Command } from 'commander';
import type { CliIo } from './cli-io.js';

/** What registers one command (and its sub-commands) on the program. */
export type RegisterCommand = (program: Command, io: CliIo, setExit: (code: number) => void) => void;

/**
 * A top-level command: its name, its line in the root help (what commander prints after the name, and
 * the summary), and how to import the module that registers it.
 */
export type CommandModule = {
  readonly name: string;
  readonly usage: string;
  readonly summary: string;
  readonly load: () => Promise<RegisterCommand>;
};

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
 * Every command, in the order of the help, with its line in the root help (`usage` after the name, and
 * the one-line `summary`), and how to import the module that registers it. The root help, a mistyped
 * command's suggestion and `help` with no command are answered from these lines alone; a command's code is
 * imported only when the run names it (issue 17: start-up time). A test checks each line against what its
 * module registers, so the two cannot drift apart.
 */
export const COMMAND_MODULES: readonly CommandModule[] = [
  {
    name: 'init',
    usage: '[options] [dir]',
    summary:
      'Start a design repository: tracery.yaml, model/example.yaml with one element of each kind, editor schemas in .tracery/, .gitignore and a GitHub Actions workflow (validate, check with SARIF, trace --fail-under).',
    load: async () => (await import('./commands/init-command.js')).registerInit,
  },
  {
    name: 'validate',
    usage: '[options] [dir]',
    summary:
      'Load a repository and report every problem in its files, with file:line:col: YAML, kinds, fields, relations, id patterns, dangling references. The design rules (mandatory attributes, coverage, naming) are tracery check.',
    load: async () => (await import('./commands/validate-command.js')).registerValidate,
  },
  {
    name: 'stats',
    usage: '[options] [dir]',
    summary: 'Count the elements of a repository by kind, status and tranche, and its relations by type.',
    load: async () => (await import('./commands/stats-command.js')).registerStats,
  },
  {
    name: 'metamodel',
    usage: '[options]',
    summary:
      'List the kinds (attributes, mandatory ones marked, id patterns, relation names they can write) and relation types (inverse, ends, impact effects) of a repository, or the default metamodel.',
    load: async () => (await import('./commands/metamodel-command.js')).registerMetamodel,
  },
  {
    name: 'schema',
    usage: '[options] [dir]',
    summary:
      "Write the JSON Schemas of the model files, tracery.yaml and the review-comment files (with this repository's extensions and comment statuses) for editors, and of the --json envelope every command prints.",
    load: async () => (await import('./commands/schema-command.js')).registerSchema,
  },
  {
    name: 'types',
    usage: '[options] [dir]',
    summary:
      "Write a .d.ts of the repository's metamodel (kind names, their attributes with types, relation and inverse names) so that scripts get completion and the compiler rejects an unknown kind or relation name.",
    load: async () => (await import('./commands/types-command.js')).registerTypes,
  },
  {
    name: 'trace',
    usage: '[options] [id]',
    summary:
      'What an element traces to (--down, the default, --up, or --to another); "trace report" writes the test-trace report.',
    load: async () => (await import('./commands/trace-command.js')).registerTrace,
  },
  {
    name: 'impact',
    usage: '[options] [ids...]',
    summary:
      'What a change impacts, and why: from element ids, a change request (--cr), the options of a decision (--decision), or the changes since a baseline (--since).',
    load: async () => (await import('./commands/impact-command.js')).registerImpact,
  },
  {
    name: 'baseline',
    usage: '',
    summary: 'Snapshots of the model in baselines/NAME.json, with a content hash per element and relation.',
    load: async () => (await import('./commands/baseline-command.js')).registerBaseline,
  },
  {
    name: 'diff',
    usage: '[options] <base> [other]',
    summary:
      'Compare two states of the model: elements and relations added, removed and changed, field by field.',
    load: async () => (await import('./commands/diff-command.js')).registerDiff,
  },
  {
    name: 'review',
    usage: '[options] [target...]',
    summary:
      'Without a target, list the suspect links (an end changed since the link was reviewed). With a link ("IF-021 carries MB-M0") or an element id, record a review: the current content hashes go into the link\'s reviewed attribute, in the file where it is written.',
    load: async () => (await import('./commands/review-command.js')).registerReview,
  },
  {
    name: 'history',
    usage: '[options] <id>',
    summary:
      'The commits in which an element changed (from git log of the repository files): date, commit, author, and what changed, field by field and link by link.',
    load: async () => (await import('./commands/history-command.js')).registerHistory,
  },
  {
    name: 'check',
    usage: '[options] [dir]',
    summary:
      'Run the design assurance rules and report the findings (text, JSON, SARIF, JUnit XML or Markdown).',
    load: async () => (await import('./commands/check-command.js')).registerCheck,
  },
  {
    name: 'import',
    usage: '',
    summary: 'Import design from other sources into the repository: bpmn.',
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
    usage: '',
    summary: 'Export the model to other tools: neo4j.',
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
  {
    name: 'tracker',
    usage: '[options]',
    summary:
      'The Design Artefact Tracker: artefacts by tranche and service with RAG, months, issues and actions; review comments by status per artefact, interface and constituency; totals.',
    load: async () => (await import('./commands/tracker-command.js')).registerTracker,
  },
  {
    name: 'site',
    usage: '[options]',
    summary:
      'Write the static site of the design for participants: dashboard, element pages, views, diagrams, search, impact explorer.',
    load: async () => (await import('./commands/site-command.js')).registerSite,
  },
  {
    name: 'serve',
    usage: '[options]',
    summary: 'Serve the site of the design on this computer and rebuild it when a file changes.',
    load: async () => (await import('./commands/serve-command.js')).registerServe,
  },
  {
    name: 'view',
    usage: '[options] <name> [id]',
    summary:
      "Write one of the site's views as a Mermaid diagram or Markdown (diagram and table), for READMEs and merge requests.",
    load: async () => (await import('./commands/view-command.js')).registerView,
  },
];

/** The root's option that lets commander go on to a command's name after it (`tracery --no-cache validate`). */
const ROOT_FLAGS = new Set(['--no-cache']);

/**
 * The command whose code a run imports, as commander will find it: the first word that is not a root
 * option, or the word after `--` or after `help` (`help validate` prints validate's own help). None
 * when an option comes first that the root answers itself (`--version`, `--help`) or does not know
 * (an error): commander then runs no command. Every other command is registered by its help line only.
 */
export function commandsToImport(args: readonly string[]): readonly CommandModule[] {
  const named = (name: string | undefined) => COMMAND_MODULES.filter((c) => c.name === name);
  for (const [i, arg] of args.entries()) {
    if (ROOT_FLAGS.has(arg)) continue;
    if (arg === '--' || arg === 'help') return named(args[i + 1]);
    return arg.startsWith('-') ? [] : named(arg);
  }
  return [];
}
