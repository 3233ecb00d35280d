/** @jsxRuntime automatic @jsxImportSource preact */
import { fieldValue } from '@tracery/core';
import { IdLink, IdList } from '../components/id-link.js';
import { Layout } from '../components/layout.js';
import { useSite } from '../components/site-context.js';
import { interfaceParties } from '../data/interface-parties.js';

/** The interface catalogue: a sender x receiver matrix, and every interface with channel and frequency. */
export function InterfacesView() {
  const { data } = useSite();
  const model = data.loaded.model;
  const list = interfaceParties(model);
  const senders = [...new Set(list.flatMap((i) => i.senders))].sort();
  const receivers = [...new Set(list.flatMap((i) => i.receivers))].sort();
  const cell = (from: string, to: string) =>
    list.filter((i) => i.senders.includes(from) && i.receivers.includes(to)).map((i) => i.id);
  const text = (id: string, field: string) => {
    const value = fieldValue(model.getElement(id), field);
    return value === undefined ? '' : String(value);
  };
  return (
    <Layout title="Interface catalogue" path="v/interfaces.html">
      <h1>Interface catalogue</h1>
      <h2>Senders and receivers</h2>
      <p>Rows send, columns receive; each cell lists the interfaces between the two.</p>
      <div class="table-wrap">
        <table class="matrix">
          <thead>
            <tr>
              <td />
              {receivers.map((r) => (
                <th key={r} scope="col">
                  <IdLink id={r} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {senders.map((s) => (
              <tr key={s}>
                <th scope="row">
                  <IdLink id={s} named />
                </th>
                {receivers.map((r) => (
                  <td key={r}>
                    <IdList ids={cell(s, r)} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Every interface ({list.length})</h2>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Interface</th>
              <th scope="col">Channel</th>
              <th scope="col">Frequency</th>
              <th scope="col">Senders</th>
              <th scope="col">Receivers</th>
            </tr>
          </thead>
          <tbody>
            {list.map((i) => (
              <tr key={i.id}>
                <td>
                  <IdLink id={i.id} named />
                </td>
                <td>{text(i.id, 'channel')}</td>
                <td>{text(i.id, 'frequency')}</td>
                <td>
                  <IdList ids={i.senders} />
                </td>
                <td>
                  <IdList ids={i.receivers} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}
