import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
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

/**
 * Serves a built site's folder over HTTP (GET and HEAD only, files only, never outside the folder).
 *
 * @example
 * const { url, close } = await serveSite('site', { port: 8080 });
 */
export async function serveSite(dir: string, options: ServeOptions = {}): Promise<SiteServer> {
  const root = resolve(dir);
  const server = createServer(async (request, response) => {
    const readable = request.method === 'GET' || request.method === 'HEAD';
    const file = readable ? fileFor(root, request.url ?? '/') : undefined;
    const info = file ? await stat(file).catch(() => undefined) : undefined;
    if (!file || !info?.isFile()) {
      response.writeHead(readable ? 404 : 405, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(readable ? 'Not found\n' : 'Method not allowed\n');
      return;
    }
    const body = await readFile(file).catch(() => undefined);
    if (!body) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('Not found\n');
      return;
    }
    response.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-cache',
    });
    response.end(request.method === 'HEAD' ? undefined : body);
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
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
