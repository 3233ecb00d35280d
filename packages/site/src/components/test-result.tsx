/** @jsxRuntime automatic @jsxImportSource preact */
import type { VerifyingTest } from '@tracery/core';
import { IdLink } from './id-link.js';

const STATUS_LABELS: Record<string, string> = {
  passed: 'passed',
  failed: 'failed',
  error: 'error',
  skipped: 'skipped',
  'not-run': 'not run',
};

/** A test's latest result: its status as a badge, when it ran, and the failure message when it failed. */
export function TestResult({ test }: { test: VerifyingTest }) {
  return (
    <>
      <IdLink id={test.id} named />{' '}
      <span class={`badge status-${test.status}`}>{STATUS_LABELS[test.status] ?? test.status}</span>
      {test.timestamp ? <span class="when"> at {test.timestamp}</span> : null}
      {test.runs > 1 ? <span class="when"> ({test.runs} runs)</span> : null}
      {test.message ? <pre class="failure">{test.message}</pre> : null}
    </>
  );
}

/** How a requirement's verdict reads, with a class that colours it. */
export function VerdictBadge({ verdict, label }: { verdict: string; label: string }) {
  return <span class={`badge verdict-${verdict}`}>{label}</span>;
}
