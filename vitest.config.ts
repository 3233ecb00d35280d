import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const pkg = (path: string) => fileURLToPath(new URL(`./packages/${path}`, import.meta.url));

// Tests run against the TypeScript sources of the workspace packages, not their builds,
// so that a test never passes against a stale dist/.
const alias = [
  { find: /^@tracery\/core\/testing$/, replacement: pkg('core/src/testing/index.ts') },
  { find: /^@tracery\/core\/(schemas|render|advanced|escape)$/, replacement: pkg('core/src/$1.ts') },
  { find: /^@tracery\/core$/, replacement: pkg('core/src/index.ts') },
  { find: /^@tracery\/bpmn$/, replacement: pkg('bpmn/src/index.ts') },
  { find: /^@tracery\/reqif$/, replacement: pkg('reqif/src/index.ts') },
  { find: /^@tracery\/neo4j-adapter$/, replacement: pkg('neo4j-adapter/src/index.ts') },
  { find: /^@tracery\/site\/text-view-names$/, replacement: pkg('site/src/text-views/text-view-names.ts') },
  { find: /^@tracery\/site$/, replacement: pkg('site/src/index.ts') },
  { find: /^@tracery\/cli$/, replacement: pkg('cli/src/index.ts') },
];

const project = (name: string, extra: Record<string, unknown> = {}) => ({
  extends: true as const,
  test: { name, include: [`packages/${name}/test/**/*.test.ts`], ...extra },
});

export default defineConfig({
  resolve: { alias },
  test: {
    testTimeout: 30_000,
    hookTimeout: 300_000,
    projects: [
      project('core'),
      project('bpmn'),
      project('reqif'),
      project('cli'),
      project('examples'),
      // The adapter's tests talk to a real Neo4j: the global setup starts one (or uses TRACERY_NEO4J_URI).
      project('neo4j-adapter', { globalSetup: [pkg('neo4j-adapter/test/global-setup.ts')] }),
      // The site's tests drive a real Chromium (Debian's package; never downloaded) over the built MHHS site.
      project('site', { globalSetup: [pkg('site/test/global-setup.ts')], testTimeout: 60_000 }),
    ],
  },
});
