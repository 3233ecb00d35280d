/** @jsxRuntime automatic @jsxImportSource preact */
import type { Element } from '@tracery/core';
import { useSite } from '../components/site-context.js';

/** The element's history from git (newest first), when the site was built with history. */
export function ElementHistorySection({ element }: { element: Element }) {
  const { data } = useSite();
  const history = data.histories.get(element.id);
  if (!history) return null;
  return (
    <section aria-labelledby="history">
      <h2 id="history">History</h2>
      {history.entries.length === 0 ? <p>No change recorded in git.</p> : null}
      <ol class="history">
        {history.entries.map((entry) => (
          <li key={entry.commit}>
            <time dateTime={entry.date}>{entry.date.slice(0, 10)}</time> {entry.change} by {entry.author}:{' '}
            <q>{entry.subject}</q>
            {entry.fields.length > 0 ? (
              <ul>
                {entry.fields.map((f) => (
                  <li key={f.field}>
                    {f.field}: {JSON.stringify(f.before) ?? '(none)'} → {JSON.stringify(f.after) ?? '(none)'}
                  </li>
                ))}
              </ul>
            ) : null}
            {entry.linksAdded.length + entry.linksRemoved.length > 0 ? (
              <p class="links-changed">
                {entry.linksAdded.map((l) => `+ ${l}`).join('; ')}
                {entry.linksRemoved.map((l) => ` − ${l}`).join('; ')}
              </p>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
