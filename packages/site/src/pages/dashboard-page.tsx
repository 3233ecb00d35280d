/** @jsxRuntime automatic @jsxImportSource preact */
import { findElements } from '@tracery/core';
import { UNSET } from '@tracery/core/advanced';
import { type Bar, BarChart, countBars } from '../components/bar-chart.js';
import { IdLink } from '../components/id-link.js';
import { Layout } from '../components/layout.js';
import { ProgressChart } from '../components/progress-chart.js';
import { useSite } from '../components/site-context.js';

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

function Headline() {
  const { data } = useSite();
  const { summary } = data.trace;
  const figures = [
    { label: 'design elements', value: data.stats.elements },
    { label: 'relations', value: data.stats.relations },
    { label: 'requirements passing', value: `${summary.passing} / ${summary.requirements}` },
    { label: 'requirements failing', value: summary.failing },
    { label: 'findings', value: data.check.findings.length },
    { label: 'suspect links', value: data.suspects.length },
  ];
  return (
    <ul class="figures">
      {figures.map((f) => (
        <li key={f.label}>
          <strong>{String(f.value)}</strong> <span>{f.label}</span>
        </li>
      ))}
    </ul>
  );
}

function CoverageCharts() {
  const { data } = useSite();
  const coverage: Bar[] = Object.entries(data.coverage.countsByKind).map(([kind, c]) => ({
    label: kind,
    parts: [
      { value: c.covered, className: 'good', name: 'covered' },
      { value: c.uncovered, className: 'bad', name: 'not covered' },
    ],
  }));
  const s = data.trace.summary;
  const tests: Bar[] = [
    { label: 'covered and passing', parts: [{ value: s.passing, className: 'good', name: 'requirements' }] },
    { label: 'covered but failing', parts: [{ value: s.failing, className: 'bad', name: 'requirements' }] },
    { label: 'covered but not run', parts: [{ value: s.notRun, className: 'warn', name: 'requirements' }] },
    { label: 'not verified', parts: [{ value: s.notVerified, className: 'warn', name: 'requirements' }] },
    { label: 'not satisfied', parts: [{ value: s.notSatisfied, className: 'bad', name: 'requirements' }] },
  ];
  return (
    <section aria-labelledby="coverage">
      <h2 id="coverage">Coverage and test results</h2>
      <div class="charts">
        <BarChart title="Coverage by kind (the repository's coverage policy)" bars={coverage} />
        <BarChart title="Requirements by latest test result" bars={tests} />
      </div>
      <p>
        <a href="trace.html">See every requirement, its tests and their results</a>
      </p>
    </section>
  );
}

function FindingsCharts() {
  const { data } = useSite();
  const findings = data.check.findings;
  const bySeverity = countBy(findings, (f) => f.severity);
  const byRule = countBy(findings, (f) => f.rule);
  return (
    <section aria-labelledby="findings">
      <h2 id="findings">Design assurance findings</h2>
      <div class="charts">
        <BarChart title="Findings by severity" bars={countBars(bySeverity, 'bad')} />
        <BarChart title="Findings by rule" bars={countBars(byRule, 'warn')} />
      </div>
      {findings.length > 0 ? (
        <details>
          <summary>All {findings.length} findings</summary>
          <table>
            <thead>
              <tr>
                <th scope="col">Element</th>
                <th scope="col">Severity</th>
                <th scope="col">Rule</th>
                <th scope="col">Message</th>
              </tr>
            </thead>
            <tbody>
              {findings.map((f) => (
                <tr key={f.fingerprint}>
                  <td>{f.elementId ? <IdLink id={f.elementId} /> : ''}</td>
                  <td>
                    <span class={`badge ${f.severity}`}>{f.severity}</span>
                  </td>
                  <td>{f.rule}</td>
                  <td>{f.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
    </section>
  );
}

function SuspectLinks() {
  const { data } = useSite();
  return (
    <section aria-labelledby="suspects">
      <h2 id="suspects">Suspect links ({data.suspects.length})</h2>
      <p>Links whose far end changed since someone last reviewed them.</p>
      {data.suspects.length === 0 ? (
        <p>None.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">From</th>
              <th scope="col">Relation</th>
              <th scope="col">To</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {data.suspects.map((s) => (
              <tr key={`${s.source} ${s.type} ${s.target}`}>
                <td>
                  <IdLink id={s.source} />
                </td>
                <td>{s.type}</td>
                <td>
                  <IdLink id={s.target} />
                </td>
                <td>{s.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function ReviewComments() {
  const { data } = useSite();
  const { statuses, totals } = data.tracker;
  if (totals.comments.total === 0) return null;
  const bars: Bar[] = statuses.map((s) => ({
    label: s,
    parts: [{ value: totals.comments.byStatus[s] ?? 0, className: 'bar', name: 'comments' }],
  }));
  return (
    <section aria-labelledby="review-comments">
      <h2 id="review-comments">Review comments</h2>
      <p>
        {totals.comments.total} review comments from {totals.organisations} organisations in{' '}
        {totals.constituencies} constituencies.
      </p>
      <BarChart title="Review comments by status" bars={bars} />
      <p>
        <a href="tracker.html">The Design Artefact Tracker: every artefact, its RAG and its comments</a>
      </p>
    </section>
  );
}

/** The home page: what the design holds, how well it is covered and tested, findings, suspect links, changes, progress. */
export function DashboardPage() {
  const { data } = useSite();
  const crs = findElements(data.loaded.model, { kind: 'ChangeRequest' });
  return (
    <Layout title="Dashboard" path="index.html">
      <h1>{data.loaded.config.name}</h1>
      {data.loaded.config.description ? <p class="lead">{data.loaded.config.description}</p> : null}
      <Headline />
      <section aria-labelledby="objects">
        <h2 id="objects">What the design holds</h2>
        <div class="charts">
          <BarChart title="Elements by kind" bars={countBars(data.stats.countsByKind)} />
          <BarChart title="Elements by status" bars={countBars(data.stats.countsByStatus)} />
          <BarChart title="Elements by tranche" bars={countBars(data.stats.countsByTranche)} />
          <BarChart title="Elements by owner" bars={countBars(data.stats.countsByOwner)} />
        </div>
      </section>
      <CoverageCharts />
      <FindingsCharts />
      <SuspectLinks />
      <section aria-labelledby="changes">
        <h2 id="changes">Change requests</h2>
        <BarChart
          title="Change requests by status"
          bars={countBars(countBy(crs, (c) => c.status ?? UNSET))}
        />
        <p>
          <a href="v/change-requests.html">
            Every change request, its assessment and the options of each decision
          </a>
        </p>
      </section>
      <ReviewComments />
      <ProgressChart />
    </Layout>
  );
}
