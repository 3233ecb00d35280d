import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { RepositoryError } from '../errors/tracery-error.js';

type Pending = {
  readonly name: string;
  readonly resolve: (content: Buffer) => void;
  readonly reject: (error: Error) => void;
};

const OBJECT_ID = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

/**
 * Reads git objects through one `git cat-file --batch` process: each read writes an object id on its
 * standard input and takes the object from its standard output, so reading the files of many commits
 * costs one process, not one `git show` per file per commit. Requests are answered in order.
 *
 * @example
 * const reader = new GitObjectReader(dir);
 * try { const text = (await reader.read(oid)).toString('utf8'); } finally { await reader.close(); }
 */
export class GitObjectReader {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly pending: Pending[] = [];
  /** What git printed and no answer has taken yet, and its length. */
  private chunks: Buffer[] = [];
  private available = 0;
  /** The size of the object whose header was read and whose content is still arriving. */
  private size: number | undefined;
  private failure: Error | undefined;
  private readonly exited: Promise<void>;

  constructor(readonly cwd: string) {
    this.child = spawn('git', ['cat-file', '--batch'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    this.child.stderr.setEncoding('utf8').on('data', (text: string) => {
      stderr += text;
    });
    this.child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    this.child.stdin.on('error', () => {});
    this.exited = new Promise((resolve) => {
      const end = (why: string) => {
        this.fail(
          new RepositoryError(`git cat-file --batch in ${cwd} ${why}${stderr ? `: ${stderr.trim()}` : ''}`),
        );
        resolve();
      };
      this.child.on('error', (error) => end(`could not start (${error.message})`));
      this.child.on('close', (code) => end(`ended (exit ${code})`));
    });
  }

  /** The content of the object `oid` (a full object id); a {@link RepositoryError} when git has none. */
  read(oid: string): Promise<Buffer> {
    if (!OBJECT_ID.test(oid))
      return Promise.reject(new RepositoryError(`"${oid}" is not a full git object id.`));
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.pending.push({ name: oid, resolve, reject });
      this.child.stdin.write(`${oid}\n`);
    });
  }

  /** Ends the git process and waits for it. */
  async close(): Promise<void> {
    this.child.stdin.end();
    await this.exited;
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const request of this.pending.splice(0)) request.reject(this.failure);
  }

  /** Joins what git printed so far into one buffer (once per answer, not once per chunk). */
  private compact(): Buffer {
    if (this.chunks.length > 1) this.chunks = [Buffer.concat(this.chunks)];
    return this.chunks[0] ?? Buffer.alloc(0);
  }

  /** Takes whole answers off the front of what git printed: `<oid> <type> <size>\n<content>\n`. */
  private receive(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.available += chunk.length;
    while (this.pending.length > 0) {
      if (this.size === undefined) {
        const buffered = this.compact();
        const eol = buffered.indexOf(10);
        if (eol < 0) return;
        const header = buffered.subarray(0, eol).toString('utf8');
        this.chunks = [buffered.subarray(eol + 1)];
        this.available -= eol + 1;
        if (header.endsWith(' missing') || header.endsWith(' ambiguous')) {
          const request = this.pending.shift()!;
          request.reject(
            new RepositoryError(`git has no object ${request.name} in ${this.cwd} (${header}).`),
          );
          continue;
        }
        this.size = Number(header.slice(header.lastIndexOf(' ') + 1));
      }
      if (this.available < this.size + 1) return;
      const buffered = this.compact();
      const content = Buffer.from(buffered.subarray(0, this.size));
      this.chunks = [buffered.subarray(this.size + 1)];
      this.available -= this.size + 1;
      this.size = undefined;
      this.pending.shift()!.resolve(content);
    }
  }
}
