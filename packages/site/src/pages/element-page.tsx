/** @jsxRuntime automatic @jsxImportSource preact */
import { type Element, fieldValue, type RelationView, relationsOf } from '@tracery/core';
import { VERDICT_LABELS } from '@tracery/core/render';
import { CommentsSection } from '../components/comments-section.js';
import { IdLink } from '../components/id-link.js';
import { Layout } from '../components/layout.js';
import { useSite } from '../components/site-context.js';
import { TestResult, VerdictBadge } from '../components/test-result.js';
import { ElementDiagrams } from './element-diagrams.js';
import { ElementHistorySection } from './element-history-section.js';

/** An attribute value: element ids become links, lists are listed, anything else is text. */
function Value({ value }: { value: unknown }) {
  const { data } = useSite();
  if (Array.isArray(value))
    return (
      <>
        {value.map((v, i) => (
          <>
            {i > 0 ? ', ' : null}
            <Value value={v} />
          </>
        ))}
      </>
    );
  const text = String(value);
  return data.loaded.model.hasElement(text) ? <IdLink id={text} /> : text;
}

function Attributes({ element }: { element: Element }) {
  const rows: [string, unknown][] = [];
  for (const field of ['status', 'owner', 'tranche', 'tags'] as const) {
    const value = fieldValue(element, field);
    if (value !== undefined) rows.push([field, value]);
  }
  for (const key of Object.keys(element.attributes).sort()) rows.push([key, element.attributes[key]]);
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="attributes">
      <h2 id="attributes">Attributes</h2>
      <dl class="attributes">
        {rows.map(([key, value]) => (
          <div key={key}>
            <dt>{key}</dt>
            <dd>
              <Value value={value} />
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function Relations({ element }: { element: Element }) {
  const { data } = useSite();
  const views = relationsOf(data.loaded.model, element.id);
  const groups = new Map<string, RelationView[]>();
  for (const view of views) {
    const group = groups.get(view.name);
    if (group) group.push(view);
    else groups.set(view.name, [view]);
  }
  return (
    <section aria-labelledby="relations">
      <h2 id="relations">Relations</h2>
      {groups.size === 0 ? <p>This element has no relations.</p> : null}
      {[...groups].map(([name, list]) => (
        <div key={name} class="relation-group">
          <h3>
            {name} <span class="count">({list.length})</span>
          </h3>
          <table>
            <thead>
              <tr>
                <th scope="col">Id</th>
                <th scope="col">Name</th>
                <th scope="col">Kind</th>
              </tr>
            </thead>
            <tbody>
              {list.map((view) => {
                const other = data.loaded.model.findElement(view.other);
                return (
                  <tr key={view.other}>
                    <td>
                      <IdLink id={view.other} />
                    </td>
                    <td>{other?.name ?? ''}</td>
                    <td>{other?.kind ?? ''}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}

/** The requirement's own verdict and tests, or the requirements this element satisfies with theirs. */
function Requirements({ element }: { element: Element }) {
  const { data } = useSite();
  const own = data.index.requirement.get(element.id);
  const satisfied = relationsOf(data.loaded.model, element.id, { type: 'satisfies' })
    .map((v) => data.index.requirement.get(v.other))
    .filter((r) => r !== undefined);
  const rows = own ? [own] : satisfied;
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="requirements">
      <h2 id="requirements">{own ? 'Verdict and tests' : 'Requirements it satisfies'}</h2>
      <ul class="plain">
        {rows.map((row) => (
          <li key={row.id}>
            {own ? null : <IdLink id={row.id} named />}{' '}
            <VerdictBadge verdict={row.verdict} label={VERDICT_LABELS[row.verdict]} />
            {own ? (
              <ul>
                {row.verifiedBy.map((test) => (
                  <li key={test.id}>
                    <TestResult test={test} />
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** For a test: the requirements it verifies and its latest result there. */
function TestOf({ element }: { element: Element }) {
  const { data } = useSite();
  const rows = data.index.testedBy.get(element.id) ?? [];
  const result = rows.flatMap((r) => r.verifiedBy).find((t) => t.id === element.id);
  if (!result) return null;
  return (
    <section aria-labelledby="latest">
      <h2 id="latest">Latest result</h2>
      <p>
        <TestResult test={result} />
      </p>
      <h3>Requirements it verifies</h3>
      <ul class="plain">
        {rows.map((row) => (
          <li key={row.id}>
            <IdLink id={row.id} named />{' '}
            <VerdictBadge verdict={row.verdict} label={VERDICT_LABELS[row.verdict]} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function Assurance({ element }: { element: Element }) {
  const { data } = useSite();
  const coverage = data.index.coverage.get(element.id);
  const findings = data.index.findings.get(element.id) ?? [];
  const suspects = data.index.suspects.get(element.id) ?? [];
  if (!coverage && findings.length === 0 && suspects.length === 0) return null;
  return (
    <section aria-labelledby="assurance">
      <h2 id="assurance">Coverage and findings</h2>
      {coverage ? (
        <p>
          Coverage: <span class={`badge coverage-${coverage.verdict}`}>{coverage.verdict}</span>
          {coverage.missing.length > 0 ? ` (missing: ${coverage.missing.join(', ')})` : null}
        </p>
      ) : null}
      {findings.length > 0 ? (
        <ul class="plain">
          {findings.map((f) => (
            <li key={f.fingerprint}>
              <span class={`badge ${f.severity}`}>{f.severity}</span> {f.rule}: {f.message}
            </li>
          ))}
        </ul>
      ) : null}
      {suspects.length > 0 ? (
        <p>
          Suspect links:{' '}
          {suspects.map((s) => (
            <span key={`${s.source}${s.type}${s.target}`} class="suspect">
              <IdLink id={s.source} /> {s.type} <IdLink id={s.target} /> ({s.reason}){' '}
            </span>
          ))}
        </p>
      ) : null}
    </section>
  );
}

/** The page of one element: what it is, its attributes and relations, requirements and tests, diagrams, history. */
export function ElementPage({ element }: { element: Element }) {
  const { data } = useSite();
  const origin = data.loaded.model.originOfElement(element.id);
  const drawn = element.kind === 'BusinessProcess' && data.index.diagrams.has(element.id);
  // The artefact a comment would be made on: the element itself, or the first one it is documented in.
  const documented = data.loaded.model.metamodel.relationNames.has('documentedIn');
  const artefact =
    element.kind === 'Artefact'
      ? element.id
      : documented
        ? relationsOf(data.loaded.model, element.id, { type: 'documentedIn' })[0]?.other
        : undefined;
  const subject = {
    id: element.id,
    kind: element.kind,
    name: element.name,
    ...(artefact ? { artefact } : {}),
  };
  return (
    <Layout
      title={`${element.id} ${element.name}`}
      path=""
      scripts={drawn ? ['bpmn-client.js'] : []}
      styles={drawn ? ['diagram-js.css', 'bpmn-js.css'] : []}
      comment={subject}
    >
      <p class="kind">{element.kind}</p>
      <h1>
        <span class="id">{element.id}</span> {element.name}
      </h1>
      {element.description ? <p class="description">{element.description}</p> : null}
      {origin ? (
        <p class="origin">
          Defined in <code>{`${origin.file}:${origin.line}`}</code>
        </p>
      ) : null}
      <Attributes element={element} />
      <Requirements element={element} />
      <TestOf element={element} />
      <Assurance element={element} />
      <CommentsSection element={element} />
      <ElementDiagrams element={element} />
      <Relations element={element} />
      <ElementHistorySection element={element} />
    </Layout>
  );
}
