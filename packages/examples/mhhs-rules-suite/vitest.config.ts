import { defineConfig } from 'vitest/config';

// The MHHS example's business-rule suite. It is NOT part of the workspace's `pnpm test`: it fails and
// skips on purpose, so that the test-trace report has a failing, a skipped and a passing test to show.
// Run it from the repository root to refresh the example's JUnit report:
//   pnpm vitest run --config packages/examples/mhhs-rules-suite/vitest.config.ts
export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['*.test.ts'],
    reporters: ['default', 'junit'],
    outputFile: { junit: '../mhhs/results/mhhs-rules-vitest.xml' },
  },
});
