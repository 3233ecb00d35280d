import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.bpmn': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

/** Options of {@link serveSite}. */
export type ServeOptions = {
  /** The port; 0 (the default) picks a free one. */
  readonly port?: number;
  /** The address to bind; 127.0.0.1 by default, so the site is not shown to the network. */
  readonly host?: string;
};

/** A running site server: its address, and how to stop it. */
export type SiteServer = { readonly url: string; readonly server: Server; close(): Promise<void> };

/**
 * How a server finds what to answer: the folder served now (it may change between requests, as
 * `tracery serve` swaps in a rebuilt site), and what to change in an HTML page on its way out.
 */
export type SiteSource = {
  readonly root: () => string | undefined;
  readonly decorateHtml?: (html: string) => string;
  /** The answer when there is no folder to serve yet (the first build failed). */
  readonly unavailable?: () => string;
};

/** The file a URL path names inside the root, or undefined when it would leave the root. */
function fileFor(root: string, urlPath: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return undefined;
  }
  if (path.includes('\0')) return undefined;
  const file = resolve(root, `.${path.endsWith('/') ? `${path}index.html` : path}`);
  return file === root || file.startsWith(root + sep) ? file : undefined;
}

function plain(response: ServerResponse, status: number, text: string, type = 'text/plain'): void {
  response.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-cache' });
  response.end(text);
}

async function answer(source: SiteSource, request: IncomingMessage, response: ServerResponse) {
  const readable = request.method === 'GET' || request.method === 'HEAD';
  if (!readable) return plain(response, 405, 'Method not allowed\n');
  const root = source.root();
  if (root === undefined) return plain(response, 503, source.unavailable?.() ?? 'Not built\n', 'text/html');
  const file = fileFor(resolve(root), request.url ?? '/');
  const info = file ? await stat(file).catch(() => undefined) : undefined;
  const body = file && info?.isFile() ? await readFile(file).catch(() => undefined) : undefined;
  if (!file || !body) return plain(response, 404, 'Not found\n');
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  const decorate = extname(file) === '.html' ? source.decorateHtml : undefined;
  const out = decorate ? Buffer.from(decorate(body.toString('utf8'))) : body;
  response.writeHead(200, {
    'content-type': type,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-cache',
  });
  response.end(request.method === 'HEAD' ? undefined : out);
}

/**
 * Serves what a {@link SiteSource} names over HTTP (GET and HEAD only, files only, never outside the
 * served folder). {@link serveSite} serves one fixed folder with it.
 */
export async function serveSource(source: SiteSource, options: ServeOptions = {}): Promise<SiteServer> {
  const server = createServer((request, response) => {
    answer(source, request, response).catch(() => plain(response, 500, 'Internal error\n'));
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, host, () => ok());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/`,
    server,
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}

/**
 * Serves a built site's folder over HTTP (GET and HEAD only, files only, never outside the folder).
 *
 * @example
 * const { url, close } = await serveSite('site', { port: 8080 });
 */
export async function serveSite(dir: string, options: ServeOptions = {}): Promise<SiteServer> {
  const root = resolve(dir);
  return serveSource({ root: () => root }, options);
}
