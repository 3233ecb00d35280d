/** @jsxRuntime automatic @jsxImportSource preact */
import { findElements, related } from '@tracery/core';
import { IdLink, IdList } from '../components/id-link.js';
import { Layout } from '../components/layout.js';
import { useSite } from '../components/site-context.js';
import { elementHref } from '../href.js';

/** The business processes: each with its performers, its number of steps and, where there is one, its BPMN diagram. */
export function ProcessesView() {
  const { data, base } = useSite();
  const model = data.loaded.model;
  const processes = findElements(model, { kind: 'BusinessProcess' });
  return (
    <Layout title="Processes" path="v/processes.html">
      <h1>Business processes</h1>
      <p>Processes with a BPMN diagram show it on their page; click a task there to open its step.</p>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Process</th>
              <th scope="col">Performed by</th>
              <th scope="col">Steps</th>
              <th scope="col">Diagram</th>
            </tr>
          </thead>
          <tbody>
            {processes.map((p) => (
              <tr key={p.id}>
                <td>
                  <IdLink id={p.id} named />
                </td>
                <td>
                  <IdList ids={related(model, p.id, 'performedBy')} />
                </td>
                <td>{String(related(model, p.id, 'hasPart').length)}</td>
                <td>
                  {data.index.diagrams.has(p.id) ? (
                    <a href={`${elementHref(p.id, base)}#diagrams`}>{`${p.id} diagram`}</a>
                  ) : (
                    <span class="none">none</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}
