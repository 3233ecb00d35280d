/** @jsxRuntime automatic @jsxImportSource preact */
import { findElements, related } from '@tracery/core';
import { IdLink, IdList } from '../components/id-link.js';
import { Layout } from '../components/layout.js';
import { useSite } from '../components/site-context.js';

/** The data view: each entity, its items, the interfaces that carry them, and the steps and services that use them. */
export function DataModelView() {
  const { data } = useSite();
  const model = data.loaded.model;
  const entities = findElements(model, { kind: 'DataEntity' });
  return (
    <Layout title="Data" path="v/data.html">
      <h1>Data</h1>
      <p>
        Each data entity (message block) with its data items; where each item travels (the interfaces that
        carry it or its entity) and who uses it. Open an item for the processes and services around it.
      </p>
      {entities.map((entity) => {
        const items = related(model, entity.id, 'hasPart').filter(
          (id) => model.findElement(id)?.kind === 'DataItem',
        );
        return (
          <section key={entity.id} aria-labelledby={`entity-${entity.id}`}>
            <h2 id={`entity-${entity.id}`}>
              <IdLink id={entity.id} named />
            </h2>
            <p>
              Carried by <IdList ids={related(model, entity.id, 'carriedBy')} />; used by{' '}
              <IdList ids={related(model, entity.id, 'usedBy')} />.
            </p>
            {items.length > 0 ? (
              <div class="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Data item</th>
                      <th scope="col">Carried by</th>
                      <th scope="col">Used by</th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((item) => (
                      <tr key={item}>
                        <td>
                          <IdLink id={item} named />
                        </td>
                        <td>
                          <IdList ids={related(model, item, 'carriedBy')} />
                        </td>
                        <td>
                          <IdList ids={related(model, item, 'usedBy')} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
          </section>
        );
      })}
    </Layout>
  );
}
