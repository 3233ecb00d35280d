import { type Diagnostic, formatDiagnostic } from '@tracery/core';
import type { Command } from 'commander';
import type { CliIo } from './cli-io.js';
import { acceptLoadErrors } from './cli-run-state.js';

/** What a writing command may do, as {@link guardWrites} decides. */
export type WriteGuard = {
  /** False: write nothing (no file, no connection); the command exits 1. */
  readonly write: boolean;
  /** False: write, but never prune or delete anything (the model is known to be incomplete). */
  readonly delete: boolean;
};

/** How many load errors the refusal prints before "... and N more". */
const SHOWN = 20;

/**
 * The one load-error policy of every command that writes (export, prune, review, check --accept,
 * import --write, baseline create, save): when the repository has load errors, write nothing, before
 * any file or connection is opened, and exit 1; with `--allow-errors`, write what loaded but never
 * prune or delete, because what failed to load would read as removed.
 *
 * @example
 * const guard = guardWrites('baseline create', loaded.diagnostics, io, options.allowErrors);
 * if (!guard.write) return setExit(EXIT.findings);
 */
export function guardWrites(
  command: string,
  diagnostics: readonly Diagnostic[],
  io: CliIo,
  allowErrors = false,
): WriteGuard {
  const errors = printLoadErrors(diagnostics, io);
  if (errors.length === 0) return { write: true, delete: true };
  if (!allowErrors) {
    io.err(
      `tracery ${command}: the repository has ${errors.length} load error(s); nothing was written. Fix them (tracery validate), or pass --allow-errors to write what loaded (never pruning or deleting).`,
    );
    return { write: false, delete: false };
  }
  acceptLoadErrors(io);
  io.err(
    `tracery ${command}: the repository has ${errors.length} load error(s); --allow-errors: writing what loaded, and pruning or deleting nothing.`,
  );
  return { write: true, delete: false };
}

/**
 * Prints the load errors (file:line:col, the first 20, then how many more) on standard error, as every
 * writing command does before it refuses; returns them.
 */
export function printLoadErrors(diagnostics: readonly Diagnostic[], io: CliIo): Diagnostic[] {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  for (const d of errors.slice(0, SHOWN)) io.err(formatDiagnostic(d));
  if (errors.length > SHOWN)
    io.err(`... and ${errors.length - SHOWN} more (tracery validate lists them all)`);
  return errors;
}

/** Adds `--allow-errors` to a writing command, with the same words everywhere. */
export function allowErrorsOption(command: Command): Command {
  return command.option(
    '--allow-errors',
    'write even when the repository has load errors (what loaded only; nothing is ever pruned or deleted then)',
  );
}
