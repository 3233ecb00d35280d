/** @jsxRuntime automatic @jsxImportSource preact */
import { findElements } from '@tracery/core';
import { IdLink, IdList } from '../components/id-link.js';
import { Layout } from '../components/layout.js';
import { useSite } from '../components/site-context.js';
import { interfaceParties, PARTY_KINDS } from '../data/interface-parties.js';

/** The TOM / service map: services and roles, and the interfaces between them (a graph, and the same as a table). */
export function ServicesView() {
  const { data } = useSite();
  const model = data.loaded.model;
  const parties = findElements(model, { kind: [...PARTY_KINDS] });
  const pairs = new Map<string, { from: string; to: string; interfaces: string[] }>();
  for (const i of interfaceParties(model))
    for (const from of i.senders)
      for (const to of i.receivers) {
        const key = `${from}\u0000${to}`;
        const pair = pairs.get(key) ?? { from, to, interfaces: [] };
        pair.interfaces.push(i.id);
        pairs.set(key, pair);
      }
  const rows = [...pairs.values()].sort((a, b) => (a.from + a.to < b.from + b.to ? -1 : 1));
  return (
    <Layout title="Service map" path="v/services.html" scripts={['graph-client.js']}>
      <h1>Service map</h1>
      <p>
        The TOM services and market roles ({parties.length}), and the interfaces that one sends to another.
        Click a box to open its page; drag to move, scroll to zoom.
      </p>
      <div
        class="graph-canvas"
        data-graph="services.json"
        role="img"
        aria-label="Graph of services and roles linked by the interfaces between them; the same is in the table below"
      >
        <p class="no-script">The map is drawn when JavaScript runs; the table below has the same content.</p>
      </div>
      <h2>Who sends what to whom</h2>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Sender</th>
              <th scope="col">Receiver</th>
              <th scope="col">Interfaces</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.from} ${r.to}`}>
                <td>
                  <IdLink id={r.from} named />
                </td>
                <td>
                  <IdLink id={r.to} named />
                </td>
                <td>
                  <IdList ids={r.interfaces} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}
