import { compareDiagnostics, type Diagnostic, type Model, type TraceryRepository } from '@tracery/core';
import { didYouMeanSuffix } from '@tracery/core/advanced';
import { type CliIo, EXIT } from './cli-io.js';
import { unacceptedLoadErrors } from './cli-run-state.js';
import { type JsonEnvelope, jsonEnvelope, renderEnvelope } from './json-envelope.js';
import { tryLoadForCli } from './load-for-cli.js';
import { chooseRepository } from './repository-option.js';
import { jsonPieces } from './stream-json.js';
import { writeOutput } from './write-output.js';

/** What a command answers: its payload for `--json`, and how to render it as text. */
export type CommandResult = {
  readonly ok: boolean;
  readonly payload: JsonEnvelope['payload'] | object;
  /**
   * The text rendering (or another format's rendering), used when `--json` is not asked for: one
   * string, or pieces in order that are written as they come (a long report).
   */
  readonly text: () => string | Iterable<string>;
  /** Diagnostics for the envelope beyond the load's (which always go in). */
  readonly diagnostics?: readonly Diagnostic[];
  /** `--out FILE`: write there instead of standard output. */
  readonly out?: string | undefined;
  readonly exit: number;
};

/**
 * One run of one command: finds and loads the repository the one way every command does, reports a
 * failure the one way (a line on standard error, and with `--json` an envelope with `ok: false`), and
 * prints the result as text or as the `--json` envelope.
 *
 * @example
 * const run = new CommandRun('stats', io, options.json === true);
 * const loaded = await run.load(dir, options.repo);
 * if (!loaded) return setExit(run.exitCode);
 */
export class CommandRun {
  /** The repository once loaded, for the envelope. */
  repository: JsonEnvelope['repository'] = null;
  /** The load's diagnostics, once loaded. */
  loadDiagnostics: readonly Diagnostic[] = [];
  /** The exit code of the last failure. */
  exitCode: number = EXIT.usage;

  constructor(
    readonly command: string,
    readonly io: CliIo,
    readonly json: boolean,
  ) {}

  /** Reports a failure and gives its exit code (2, bad usage, unless told otherwise). */
  fail(message: string, options: { exit?: number; code?: string } = {}): number {
    const exit = options.exit ?? EXIT.usage;
    this.exitCode = exit;
    this.io.err(`tracery ${this.command}: ${message}`);
    if (this.json) {
      const diagnostic: Diagnostic = { code: options.code ?? 'bad-usage', severity: 'error', message };
      this.io.out(
        renderEnvelope(
          jsonEnvelope({
            command: this.command,
            ok: false,
            repository: this.repository,
            payload: null,
            diagnostics: [...this.loadDiagnostics, diagnostic],
          }),
        ),
      );
    }
    return exit;
  }

  /**
   * Loads the repository given by the positional folder or `--repo`, else found upward from the current
   * folder. Undefined (after reporting why) when there is none.
   */
  async load(
    positional: string | undefined,
    repo: string | undefined,
  ): Promise<TraceryRepository | undefined> {
    const choice = chooseRepository(positional, repo);
    if ('problem' in choice) {
      this.fail(choice.problem);
      return undefined;
    }
    const loaded = await tryLoadForCli(choice.dir, this.io);
    if (!('model' in loaded)) {
      this.fail(loaded.problem, { code: 'repository-unreadable' });
      return undefined;
    }
    this.repository = { root: loaded.root, ...(loaded.config.name ? { name: loaded.config.name } : {}) };
    this.loadDiagnostics = [...loaded.diagnostics].sort(compareDiagnostics);
    return loaded;
  }

  /**
   * Checks that every id names an element (of one of `kinds`, when given); reports the first that does
   * not, with the nearest id that does, and gives false.
   */
  requireIds(model: Model, ids: readonly string[], kinds?: readonly string[], what = 'element'): boolean {
    for (const id of ids) {
      const element = model.findElement(id);
      if (element && (!kinds || kinds.includes(element.kind))) continue;
      const candidates = kinds ? kinds.flatMap((kind) => [...model.idsOfKind(kind)]) : allIds(model);
      const wrongKind = element
        ? ` (it is ${/^[AEIOU]/.test(element.kind) ? 'an' : 'a'} ${element.kind})`
        : '';
      this.fail(`no ${what} "${id}" in the model${wrongKind}${didYouMeanSuffix(id, candidates)}`, {
        code: 'unknown-id',
      });
      return false;
    }
    return true;
  }

  /** Prints the result: the envelope with `--json`, else its text; gives its exit code. */
  async finish(result: CommandResult): Promise<number> {
    if (this.json) {
      const diagnostics = [...this.loadDiagnostics, ...(result.diagnostics ?? [])];
      // A repository with load errors makes the run fail (exit 1, see runCli) unless --allow-errors took them.
      const envelope = jsonEnvelope({
        command: this.command,
        ok: result.ok && unacceptedLoadErrors(this.io) === 0,
        repository: this.repository,
        payload: result.payload,
        diagnostics,
      });
      // Streamed, to standard output or to --out FILE, when it can be: a check of 200k elements prints
      // 100s of MB, which are never held as one string besides the findings they are made from.
      await writeOutput(jsonPieces(envelope), result.out, this.io);
    } else {
      await writeOutput(result.text(), result.out, this.io);
    }
    return result.exit;
  }
}

function allIds(model: Model): string[] {
  return [...model.elementIds()];
}
