import pc from 'picocolors';
import { terminalText } from './terminal-text.js';

/** Where a command writes: injectable so tests can run commands in-process and read what they print. */
export type CliIo = {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** True when standard output gets colours (see {@link colourWanted}). */
  readonly fancy: boolean;
  /** True when progress may be drawn on standard error (standard error is a terminal). */
  readonly progress?: boolean;
  /**
   * Writes a piece of a long output to standard output as it is (no newline added) and resolves once
   * the reader has caught up, so a command can stream its output instead of building it whole.
   * Without it, commands print their output in one piece through `out`.
   */
  readonly outChunk?: (chunk: string) => Promise<void>;
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

/** Codes of a stream that the reader has gone away from: `tracery ... | head -1`, or a closed stdout. */
const GONE = new Set(['EPIPE', 'EBADF', 'ERR_STREAM_DESTROYED', 'ERR_STREAM_WRITE_AFTER_END']);

/**
 * Writes to a standard stream until its reader goes away; from then on, quietly drops what is left,
 * so the command ends with its usual exit code instead of a stack trace. Other write errors are bugs.
 * `chunk` also waits, after a write the stream could not take at once, until it drains.
 */
function streamWriter(stream: NodeJS.WriteStream): {
  text: (text: string) => void;
  chunk: (text: string) => Promise<void>;
} {
  let gone = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (!GONE.has(error.code ?? '')) throw error;
    gone = true;
  });
  /** Writes; true when the stream can take more now (or the reader is gone). */
  const write = (text: string): boolean => {
    if (gone || stream.destroyed) return true;
    try {
      return stream.write(text);
    } catch (error) {
      if (!GONE.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
      gone = true;
      return true;
    }
  };
  const drained = () =>
    new Promise<void>((resolve) => {
      const done = () => {
        stream.off('drain', done);
        stream.off('close', done);
        resolve();
      };
      stream.on('drain', done);
      stream.on('close', done);
    });
  return {
    text: (text) => {
      write(text);
    },
    chunk: async (text) => {
      if (!write(text) && !gone && !stream.destroyed) await drained();
    },
  };
}

let standard: { out: ReturnType<typeof streamWriter>; err: ReturnType<typeof streamWriter> } | undefined;

/** The process's own standard output and error; a reader that goes away ends output quietly. */
export function processIo(): CliIo {
  standard ??= { out: streamWriter(process.stdout), err: streamWriter(process.stderr) };
  const { out, err } = standard;
  const line = (text: string) => (text.endsWith('\n') ? text : `${text}\n`);
  return {
    out: (text) => out.text(line(text)),
    err: (text) => err.text(line(text)),
    fancy: colourWanted(process.env, Boolean(process.stdout.isTTY)),
    progress: Boolean(process.stderr.isTTY),
    outChunk: out.chunk,
  };
}

/**
 * The one place where the CLI's text meets a terminal: everything a command prints passes through
 * {@link terminalText}, so control characters from the data are shown escaped (the CLI's own colours
 * are kept when `fancy`). `runCli` wraps every io with it.
 */
export function safeIo(io: CliIo): CliIo {
  const colours = io.fancy;
  return {
    out: (text) => io.out(terminalText(text, { colours })),
    err: (text) => io.err(terminalText(text, { colours })),
    fancy: io.fancy,
    ...(io.progress === undefined ? {} : { progress: io.progress }),
    ...(io.outChunk === undefined
      ? {}
      : { outChunk: (chunk: string) => io.outChunk!(terminalText(chunk, { colours })) }),
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
      process.stderr.write(`\r\x1b[2K${terminalText(text, { colours: false })}`);
      drawn = true;
    },
    done: () => {
      if (drawn) process.stderr.write('\r\x1b[2K');
      drawn = false;
    },
  };
}

/**
 * Exit codes shared by every command: 0 success, 1 findings or load errors, 2 bad usage or unreadable
 * input, 70 an internal error (a bug in Tracery; never expected).
 */
export const EXIT = { ok: 0, findings: 1, usage: 2, internal: 70 } as const;
