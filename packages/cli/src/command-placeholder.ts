import { Command, Help } from 'commander';
import type { CommandModule } from './command-modules.js';

// The root help lists every command with its usage and summary, and a mistyped command is matched
// against every name; neither needs a command's options or code. So a run registers the command it
// runs from its module, and every other command as a placeholder built from its line in the registry:
// importing all command modules (and so the whole library) cost `tracery --help` some 200 ms (issue 17).

/**
 * Thrown when commander reaches a placeholder: to run it, or to print its own help. The run is then
 * started again with every command's module imported, so a word order that commandsToImport did not
 * foresee costs time, never a wrong answer.
 */
export class PlaceholderReached extends Error {
  override name = 'PlaceholderReached';
  constructor(readonly command: string) {
    super(`tracery: the command "${command}" was registered by its help line only`);
  }
}

/** A command known by its line in the root help alone. */
class CommandPlaceholder extends Command {
  constructor(readonly module: CommandModule) {
    super(module.name);
    this.description(module.summary);
  }

  override helpInformation(): string {
    throw new PlaceholderReached(this.name());
  }
}

/**
 * Registers `module`'s command on `program` as a placeholder, and makes the program refuse to run one
 * (see {@link PlaceholderReached}); the root help shows it as its module would register it.
 */
export function registerPlaceholder(program: Command, module: CommandModule): void {
  program.addCommand(new CommandPlaceholder(module));
}

/**
 * Makes `program` list placeholders with their usage and stop before it would run one. Call once, before
 * the program's other hooks, so that nothing runs before a restart.
 */
export function guardPlaceholders(program: Command): void {
  program.configureHelp({
    subcommandTerm(this: Help, command: Command): string {
      if (!(command instanceof CommandPlaceholder)) return Help.prototype.subcommandTerm.call(this, command);
      return [command.name(), command.module.usage].filter((part) => part !== '').join(' ');
    },
  });
  program.hook('preSubcommand', (_program, command) => {
    if (command instanceof CommandPlaceholder) throw new PlaceholderReached(command.name());
  });
}
