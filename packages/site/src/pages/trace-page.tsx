/** @jsxRuntime automatic @jsxImportSource preact */
import { VERDICT_LABELS } from '@tracery/core/render';
import { IdLink, IdList } from '../components/id-link.js';
import { Layout } from '../components/layout.js';
import { useSite } from '../components/site-context.js';
import { TestResult, VerdictBadge } from '../components/test-result.js';

const COLUMNS = ['Requirement', 'Tranche', 'Services', 'Satisfied by', 'Tests and latest results', 'Verdict'];

/**
 * The requirement trace: every requirement, what satisfies it, which tests verify it and their latest
 * results, and its verdict (core's test-trace report). Scripts add sorting and the filters.
 */
export function TracePage() {
  const { data } = useSite();
  const { requirements, summary } = data.trace;
  const tranches = [...new Set(requirements.map((r) => r.tranche ?? ''))].filter(Boolean).sort();
  const services = [...new Set(requirements.flatMap((r) => r.services))].sort();
  return (
    <Layout title="Requirements and tests" path="trace.html" scripts={['trace-client.js']}>
      <h1>Requirements, their tests and results</h1>
      <p>
        {summary.requirements} requirements: {summary.passing} covered and passing, {summary.failing} failing,{' '}
        {summary.notRun} not run, {summary.notVerified} not verified, {summary.notSatisfied} not satisfied.
      </p>
      <form class="filters" id="trace-filters" aria-controls="trace-table">
        <label class="check">
          <input type="checkbox" id="only-failing" /> Only failing tests
        </label>
        <label>
          Tranche
          <select id="tranche">
            <option value="">all</option>
            {tranches.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label>
          Service
          <select id="service">
            <option value="">all</option>
            {services.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          Contains
          <input id="contains" type="search" />
        </label>
      </form>
      <p id="trace-count" role="status" aria-live="polite" />
      <div class="table-wrap">
        <table id="trace-table">
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {requirements.map((r) => (
              <tr
                key={r.id}
                data-verdict={r.verdict}
                data-tranche={r.tranche ?? ''}
                data-services={r.services.join(' ')}
              >
                <td data-sort={r.id}>
                  <IdLink id={r.id} /> <span>{r.name}</span>
                </td>
                <td data-sort={r.tranche ?? ''}>{r.tranche ?? ''}</td>
                <td>
                  <IdList ids={r.services} />
                </td>
                <td>
                  <IdList ids={r.satisfiedBy} />
                </td>
                <td>
                  {r.verifiedBy.length === 0 ? (
                    <span class="none">none</span>
                  ) : (
                    <ul class="plain">
                      {r.verifiedBy.map((t) => (
                        <li key={t.id}>
                          <TestResult test={t} />
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td data-sort={r.verdict}>
                  <VerdictBadge verdict={r.verdict} label={VERDICT_LABELS[r.verdict]} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}
