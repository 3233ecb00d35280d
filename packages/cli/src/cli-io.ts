import pc from 'picocolors';

/** Where a command writes: injectable so tests can run commands in-process and read what they print. */
export type CliIo = {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** True when colours and progress may be drawn (a terminal, and NO_COLOR not set). */
  readonly fancy: boolean;
};

/** The process's own standard output and error. */
export function processIo(): CliIo {
  return {
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    fancy: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
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

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;
