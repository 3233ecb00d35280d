import { copyFile, mkdir, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

/**
 * Bundles the site's client scripts (src/client/*.ts, one bundle per page type) for the browser, and
 * copies the style sheets (the site's own and bpmn-js's) beside them. The package build calls it, and
 * so does the browser tests' setup, so tests never run a stale bundle.
 */
export async function buildClient(outDir = join(here, 'dist', 'assets')): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const entries = (await readdir(join(here, 'src', 'client')))
    .filter((f) => f.endsWith('-client.ts'))
    .map((f) => join(here, 'src', 'client', f));
  await build({
    entryPoints: entries,
    outdir: outDir,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2022'],
    minify: true,
    sourcemap: false,
    legalComments: 'linked',
    logLevel: 'warning',
    conditions: ['tracery-source'],
    // Core's files that touch the disk are never reached from the browser's entry points; tree shaking drops them.
    external: ['node:*'],
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  await copyFile(join(here, 'assets', 'site.css'), join(outDir, 'site.css'));
  const bpmnAssets = join(dirname(require.resolve('bpmn-js/package.json')), 'dist', 'assets');
  await copyFile(join(bpmnAssets, 'diagram-js.css'), join(outDir, 'diagram-js.css'));
  await copyFile(join(bpmnAssets, 'bpmn-js.css'), join(outDir, 'bpmn-js.css'));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildClient();
