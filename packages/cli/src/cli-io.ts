import pc from 'picocolors';

/** Where a command writes: injectable so tests can run commands in-process and read what they print. */
export type CliIo = {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** True when standard output gets colours (see {@link colourWanted}). */
  readonly fancy: boolean;
  /** True when progress may be drawn on standard error (standard error is a terminal). */
  readonly progress?: boolean;
};

/**
 * Whether standard output gets colours: never with NO_COLOR set (no-color.org), always with FORCE_COLOR
 * set to anything but `0` or `false`, else only when standard output is a terminal.
 *
 * @example
 * colourWanted({ FORCE_COLOR: '1' }, false) // true
 */
export function colourWanted(env: NodeJS.ProcessEnv, stdoutIsTerminal: boolean): boolean {
  if (env.NO_COLOR) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  return stdoutIsTerminal;
}

/** The process's own standard output and error. */
export function processIo(): CliIo {
  return {
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    fancy: colourWanted(process.env, Boolean(process.stdout.isTTY)),
    progress: Boolean(process.stderr.isTTY),
  };
}

const painted = pc.createColors(true);

/** Colours for terminal output that disappear when `io.fancy` is false. */
export function colours(io: CliIo) {
  const on = io.fancy;
  return {
    red: (s: string) => (on ? painted.red(s) : s),
    yellow: (s: string) => (on ? painted.yellow(s) : s),
    green: (s: string) => (on ? painted.green(s) : s),
    bold: (s: string) => (on ? painted.bold(s) : s),
    dim: (s: string) => (on ? painted.dim(s) : s),
  };
}

/**
 * A progress line on standard error, drawn only when standard error is a terminal (never when piped,
 * never in CI logs); each call replaces the line, and `done()` clears it.
 *
 * @example
 * const progress = progressLine(io); progress.update('loading 120 files'); progress.done();
 */
export function progressLine(io: CliIo): { update: (text: string) => void; done: () => void } {
  if (!io.progress) return { update: () => {}, done: () => {} };
  let drawn = false;
  return {
    update: (text) => {
      process.stderr.write(`\r\x1b[2K${text}`);
      drawn = true;
    },
    done: () => {
      if (drawn) process.stderr.write('\r\x1b[2K');
      drawn = false;
    },
  };
}

/** Exit codes shared by every command: 70 is an internal error (a bug), set by the bin. */
export const EXIT = { ok: 0, findings: 1, usage: 2, internal: 70 } as const;
