/** @jsxRuntime automatic @jsxImportSource preact */
import { type TrackerTable, trackerTables } from '@tracery/core/render';
import { BarChart } from '../components/bar-chart.js';
import { IdLink } from '../components/id-link.js';
import { Layout } from '../components/layout.js';
import { useSite } from '../components/site-context.js';

/** Columns whose cells are element ids, linked to their pages. */
const ID_COLUMNS = new Set(['artefact', 'interface']);

function Table({ table }: { table: TrackerTable }) {
  const { data } = useSite();
  const slug = table.title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return (
    <section aria-labelledby={slug}>
      <h2 id={slug}>{table.title}</h2>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              {table.headers.map((h, i) => (
                <th key={h} scope="col" class={table.numeric.includes(i) ? 'num' : undefined}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, r) => (
              <tr key={String(r)}>
                {row.map((cell, i) => {
                  const linked =
                    ID_COLUMNS.has(table.headers[i] ?? '') && data.loaded.model.hasElement(String(cell));
                  return (
                    <td key={String(i)} class={table.numeric.includes(i) ? 'num' : undefined}>
                      {linked ? <IdLink id={String(cell)} /> : String(cell)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/**
 * The Design Artefact Tracker: the tables `tracery tracker` prints (core's `trackerTables` of the same
 * report), with artefacts and interfaces linked to their pages, and the comments by status as a chart.
 */
export function TrackerPage() {
  const { data } = useSite();
  const report = data.tracker;
  const t = report.totals;
  const bars = report.statuses.map((s) => ({
    label: s,
    parts: [{ value: t.comments.byStatus[s] ?? 0, className: 'bar', name: 'comments' }],
  }));
  return (
    <Layout title="Design Artefact Tracker" path="tracker.html">
      <h1>Design Artefact Tracker</h1>
      <p class="lead">
        {t.artefacts} artefacts; {t.comments.total} review comments from {t.organisations} organisations in{' '}
        {t.constituencies} constituencies.
      </p>
      <BarChart title="Review comments by status" bars={bars} />
      {trackerTables(report).map((table) => (
        <Table key={table.title} table={table} />
      ))}
    </Layout>
  );
}
