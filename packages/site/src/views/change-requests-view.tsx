/** @jsxRuntime automatic @jsxImportSource preact */
import {
  assessChangeRequest,
  assessOptionsFromConfig,
  type ChangeAssessment,
  compareOptions,
  findElements,
  type OptionComparison,
} from '@tracery/core';
import { optionsOf } from '@tracery/core/advanced';
import { IdLink, IdList } from '../components/id-link.js';
import { Layout } from '../components/layout.js';
import { useSite } from '../components/site-context.js';

function Assessment({ a }: { a: ChangeAssessment }) {
  return (
    <section aria-labelledby={`cr-${a.changeRequest.id}`}>
      <h3 id={`cr-${a.changeRequest.id}`}>
        <IdLink id={a.changeRequest.id} named />{' '}
        {a.changeRequest.status ? <span class="badge info">{a.changeRequest.status}</span> : null}
      </h3>
      <p>
        Changes <IdList ids={a.changes.map((c) => c.id)} />. Impacts {a.impacted.length} elements
        {Object.keys(a.countsByKind).length > 0
          ? ` (${Object.entries(a.countsByKind)
              .map(([kind, n]) => `${n} ${kind}`)
              .join(', ')})`
          : ''}
        .
      </p>
      <dl class="attributes">
        <div>
          <dt>Parties that must act</dt>
          <dd>
            <IdList ids={a.parties.map((p) => p.id)} named />
          </dd>
        </div>
        <div>
          <dt>Documents to re-issue</dt>
          <dd>
            <IdList ids={a.artefactsToReissue.map((f) => f.id)} />
          </dd>
        </div>
        <div>
          <dt>Tests to re-run</dt>
          <dd>
            <IdList ids={a.testsToRerun.map((f) => f.id)} />
          </dd>
        </div>
        {a.estimate ? (
          <div>
            <dt>Rough estimate</dt>
            <dd>{`${a.estimate.days} days, ${a.estimate.cost.toLocaleString('en-GB')} ${a.estimate.currency}`}</dd>
          </div>
        ) : null}
      </dl>
      <p>
        <a href={`../impact.html?ids=${encodeURIComponent(a.changes.map((c) => c.id).join(','))}`}>
          Explore this impact with its paths
        </a>
      </p>
    </section>
  );
}

function Options({ c }: { c: OptionComparison }) {
  return (
    <section aria-labelledby={`dec-${c.decision}`}>
      <h3 id={`dec-${c.decision}`}>
        <IdLink id={c.decision} named />
      </h3>
      <div class="options">
        {c.options.map((o) => (
          <section key={o.changeRequest} aria-label={`Option ${o.option}`}>
            <h4>
              Option {o.option}: <IdLink id={o.changeRequest} named />
            </h4>
            <ul>
              <li>{o.changes} elements changed</li>
              <li>{o.impacted} elements impacted</li>
              <li>{o.interfaces} interfaces changed or impacted</li>
              <li>{o.artefacts} documents to re-issue</li>
              <li>{o.tests} tests to re-run</li>
              <li>
                Parties: <IdList ids={o.parties} />
              </li>
              {o.days !== undefined ? <li>{`${o.days} days`}</li> : null}
              {o.cost !== undefined ? <li>{`${o.cost.toLocaleString('en-GB')} cost`}</li> : null}
            </ul>
          </section>
        ))}
      </div>
    </section>
  );
}

/** Change requests with their assessments, and each decision's options side by side (core's assessments). */
export function ChangeRequestsView() {
  const { data } = useSite();
  const model = data.loaded.model;
  const options = assessOptionsFromConfig(data.loaded.config);
  const crs = findElements(model, { kind: 'ChangeRequest' });
  const decisions = findElements(model, { kind: 'Decision' });
  return (
    <Layout title="Change requests" path="v/change-requests.html">
      <h1>Change requests and decisions</h1>
      <h2>Decisions and their options, side by side</h2>
      {decisions.length === 0 ? <p>No decisions.</p> : null}
      {decisions
        .filter((d) => optionsOf(model, d.id).length > 0)
        .map((d) => (
          <Options key={d.id} c={compareOptions(model, d.id, options)} />
        ))}
      <h2>Every change request ({crs.length})</h2>
      {crs.map((cr) => (
        <Assessment key={cr.id} a={assessChangeRequest(model, cr.id, options)} />
      ))}
    </Layout>
  );
}
