import { type FSWatcher, watch } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { formatDiagnostic, type LoadedRepository } from '@tracery/core';
import { buildSite } from '../build/build-site.js';
import type { CollectOptions } from '../data/site-data.js';
import { type BuildFailure, buildErrorBanner, buildErrorPage, withBanner } from './build-error-banner.js';
import { type ServeOptions, type SiteServer, serveSource } from './serve-site.js';

/** Options of {@link serveRepository}. */
export type ServeRepositoryOptions = ServeOptions &
  CollectOptions & {
    /** The repository folder to watch. */
    readonly root: string;
    /** Loads the repository (with the source loaders it needs); called for every build. */
    readonly load: () => Promise<LoadedRepository>;
    /** How long to wait after the last change before rebuilding, in ms (default 300). */
    readonly debounceMs?: number;
    /** Called with a line to show the user: each build's outcome. */
    readonly log?: (line: string) => void;
  };

/** A served, self-rebuilding site: the server, and the outcome of its builds so far. */
export type LiveSite = SiteServer & {
  /** Builds that succeeded (the first included). */
  readonly builds: () => number;
  /** What the last build failed on, or undefined when it succeeded. */
  readonly failure: () => BuildFailure | undefined;
};

/** Paths inside the repository whose changes never rebuild: git's own files, caches, dependencies. */
const IGNORED = ['.git', 'node_modules', join('.tracery', 'cache')];

function ignored(file: string): boolean {
  return IGNORED.some((prefix) => file === prefix || file.startsWith(prefix + sep));
}

function failureOf(error: unknown): BuildFailure {
  const lines = error instanceof Error ? [error.message] : [String(error)];
  return { at: new Date().toISOString(), lines };
}

/** Loads and builds into a fresh folder; gives the folder, or why there is none. */
async function buildOnce(options: ServeRepositoryOptions): Promise<string | BuildFailure> {
  let loaded: LoadedRepository;
  try {
    loaded = await options.load();
  } catch (error) {
    return failureOf(error);
  }
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    const more = errors.length > 20 ? [`… and ${errors.length - 20} more (tracery validate lists them)`] : [];
    return { at: new Date().toISOString(), lines: [...errors.slice(0, 20).map(formatDiagnostic), ...more] };
  }
  const out = await mkdtemp(join(tmpdir(), 'tracery-serve-'));
  try {
    await buildSite(loaded, { out, ...(options.history === undefined ? {} : { history: options.history }) });
    return out;
  } catch (error) {
    await rm(out, { recursive: true, force: true });
    return failureOf(error);
  }
}

/**
 * Builds a repository's site, serves it (127.0.0.1 by default) and rebuilds it when a file in the
 * repository changes (debounced). A rebuild that fails keeps the last good site served, with the error
 * shown at the top of every page, until a rebuild succeeds. Each build goes to a fresh temporary folder,
 * removed when replaced and on close.
 *
 * @example
 * const site = await serveRepository({ root: 'repo', load: () => loadRepository('repo') });
 * console.log(site.url);
 */
export async function serveRepository(options: ServeRepositoryOptions): Promise<LiveSite> {
  const log = options.log ?? (() => {});
  let current: string | undefined;
  let failure: BuildFailure | undefined;
  let builds = 0;
  const rebuild = async () => {
    const started = Date.now();
    const result = await buildOnce(options);
    if (typeof result !== 'string') {
      failure = result;
      log(
        `build failed${current ? '; still serving the last good site' : ''}:\n  ${result.lines.join('\n  ')}`,
      );
      return;
    }
    const previous = current;
    current = result;
    failure = undefined;
    builds++;
    log(`built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (previous) await rm(previous, { recursive: true, force: true });
  };
  await rebuild();
  const server = await serveSource(
    {
      root: () => current,
      decorateHtml: (html) => (failure ? withBanner(html, buildErrorBanner(failure, true)) : html),
      unavailable: () => buildErrorPage(failure ?? failureOf('not built yet')),
    },
    options,
  );
  const watcher = watchDebounced(options.root, options.debounceMs ?? 300, rebuild, log);
  return {
    ...server,
    builds: () => builds,
    failure: () => failure,
    close: async () => {
      watcher.close();
      await server.close();
      if (current) await rm(current, { recursive: true, force: true });
    },
  };
}

/** Watches a folder and runs `work` once changes have stopped for `ms`; never two runs at once. */
function watchDebounced(
  root: string,
  ms: number,
  work: () => Promise<void>,
  log: (line: string) => void,
): FSWatcher {
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let again = false;
  const run = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    log('a file changed; rebuilding');
    await work().catch((error: unknown) => log(`rebuild failed: ${String(error)}`));
    running = false;
    if (again) {
      again = false;
      schedule();
    }
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), ms);
  };
  const watcher = watch(root, { recursive: true }, (_event, file) => {
    if (file && !ignored(String(file))) schedule();
  });
  watcher.on('close', () => clearTimeout(timer));
  return watcher;
}
