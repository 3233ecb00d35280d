import pc from 'picocolors';
import { terminalText } from './terminal-text.js';

/** Where a command writes: injectable so tests can run commands in-process and read what they print. */
export type CliIo = {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** True when colours and progress may be drawn (a terminal, and NO_COLOR not set). */
  readonly fancy: boolean;
};

/** Codes of a stream that the reader has gone away from: `tracery ... | head -1`, or a closed stdout. */
const GONE = new Set(['EPIPE', 'EBADF', 'ERR_STREAM_DESTROYED', 'ERR_STREAM_WRITE_AFTER_END']);

/**
 * Writes to a standard stream until its reader goes away; from then on, quietly drops what is left,
 * so the command ends with its usual exit code instead of a stack trace. Other write errors are bugs.
 */
function streamWriter(stream: NodeJS.WriteStream): (text: string) => void {
  let gone = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (!GONE.has(error.code ?? '')) throw error;
    gone = true;
  });
  return (text) => {
    if (gone || stream.destroyed) return;
    try {
      stream.write(text);
    } catch (error) {
      if (!GONE.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
      gone = true;
    }
  };
}

let standard: { out: (text: string) => void; err: (text: string) => void } | undefined;

/** The process's own standard output and error; a reader that goes away ends output quietly. */
export function processIo(): CliIo {
  standard ??= { out: streamWriter(process.stdout), err: streamWriter(process.stderr) };
  const { out, err } = standard;
  const line = (text: string) => (text.endsWith('\n') ? text : `${text}\n`);
  return {
    out: (text) => out(line(text)),
    err: (text) => err(line(text)),
    fancy: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
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
  };
}

/** Colours for terminal output that disappear when output is not a terminal. */
export function colours(io: CliIo) {
  const on = io.fancy;
  return {
    red: (s: string) => (on ? pc.red(s) : s),
    yellow: (s: string) => (on ? pc.yellow(s) : s),
    green: (s: string) => (on ? pc.green(s) : s),
    bold: (s: string) => (on ? pc.bold(s) : s),
    dim: (s: string) => (on ? pc.dim(s) : s),
  };
}

/**
 * Exit codes shared by every command: 0 success, 1 findings or load errors, 2 bad usage or unreadable
 * input, 70 an internal error (a bug in Tracery; never expected).
 */
export const EXIT = { ok: 0, findings: 1, usage: 2, internal: 70 } as const;
