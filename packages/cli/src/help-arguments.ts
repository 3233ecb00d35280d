import type { Command } from 'commander';

/** The command of a group with this name or alias. */
const named = (group: Command, name: string): Command | undefined =>
  group.commands.find((c) => c.name() === name || c.aliases().includes(name));

/** Whether commander gives the group its own `help` command (a group of subcommands without an action). */
const hasHelpCommand = (group: Command): boolean =>
  !named(group, 'help') &&
  group
    .createHelp()
    .visibleCommands(group)
    .some((c) => c.name() === 'help');

/**
 * The arguments to parse when they ask a group's `help` about something it has no command for. Commander
 * would print the group's help and call that a success; `help X` for an unknown X (`tracery help
 * nothere`, `tracery baseline help lst`) is the mistake of `X` alone, which commander reports as
 * `tracery X` is reported: `unknown command 'X'` with its did-you-mean, exit 2. `help help` is the
 * group's help, as `help` alone. Undefined for any other arguments; of the options, only the root's
 * `--no-cache` is stepped over before a command.
 */
export function helpArguments(program: Command, args: readonly string[]): string[] | undefined {
  let group = program;
  let at = 0;
  while (args[at] === '--no-cache') at++;
  for (; at < args.length; at++) {
    const word = args[at]!;
    if (word === 'help' && hasHelpCommand(group)) {
      const topic = args[at + 1];
      if (topic === undefined || topic.startsWith('-') || named(group, topic)) return undefined;
      if (topic === 'help') return [...args.slice(0, at + 1), ...args.slice(at + 2)];
      return [...args.slice(0, at), ...args.slice(at + 1)];
    }
    const next = named(group, word);
    if (!next) return undefined;
    group = next;
  }
  return undefined;
}
