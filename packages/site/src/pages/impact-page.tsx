/** @jsxRuntime automatic @jsxImportSource preact */
import { findElements } from '@tracery/core';
import { Layout } from '../components/layout.js';
import { useSite } from '../components/site-context.js';

/**
 * The impact explorer: pick elements or a change request; the browser runs core's impact engine (the
 * same code as `tracery impact`, bundled) over the model and lists what is impacted, grouped by kind,
 * each with the path that explains it.
 */
export function ImpactPage() {
  const { data } = useSite();
  const crs = findElements(data.loaded.model, { kind: 'ChangeRequest' });
  return (
    <Layout title="Impact explorer" path="impact.html" scripts={['impact-client.js']}>
      <h1>What would a change impact?</h1>
      <p>
        Give the ids of the elements that change, or pick a change request. The answer is worked out in your
        browser by the same engine as <code>tracery impact</code>, with the repository's settings.
      </p>
      <p class="no-script">The impact explorer needs JavaScript.</p>
      <form id="impact-form" class="filters">
        <label>
          Changed element ids (comma or space separated)
          <input id="impact-ids" name="ids" type="text" autocomplete="off" placeholder="DI-0023" />
        </label>
        <label>
          or a change request
          <select id="impact-cr" name="cr">
            <option value="">none</option>
            {crs.map((cr) => (
              <option key={cr.id} value={cr.id}>
                {`${cr.id} ${cr.name}`}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Show impact</button>
      </form>
      <p id="impact-status" role="status" aria-live="polite" />
      <div id="impact-result" />
      <details>
        <summary>The result as JSON (as tracery impact --json gives it)</summary>
        <pre id="impact-json" />
      </details>
    </Layout>
  );
}
