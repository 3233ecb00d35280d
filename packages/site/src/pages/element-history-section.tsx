/** @jsxRuntime automatic @jsxImportSource preact */
import type { Element, HistoryEntry } from '@tracery/core';
import { useSite } from '../components/site-context.js';

/** How many of an element's most recent commits its page lists. */
export const HISTORY_SHOWN = 5;

const CHANGE: Readonly<Record<HistoryEntry['change'], string>> = {
  added: 'added',
  removed: 'removed',
  changed: 'changed',
  'not-loaded': 'files did not load',
};

function shown(value: unknown): string {
  return value === undefined ? '(none)' : typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
}

function Entry({ entry }: { entry: HistoryEntry }) {
  return (
    <li>
      <time dateTime={entry.date}>{entry.date.slice(0, 10)}</time> <strong>{CHANGE[entry.change]}</strong> by{' '}
      {entry.author}: <q>{entry.subject}</q> <code class="muted">{entry.commit.slice(0, 10)}</code>
      {entry.fields.length > 0 ? (
        <ul>
          {entry.fields.map((f) => (
            <li key={f.field}>
              {f.field}: {shown(f.before)} → {shown(f.after)}
            </li>
          ))}
        </ul>
      ) : null}
      {entry.change === 'added' && entry.linksAdded.length > 0 ? (
        <>
          {' '}
          with {entry.linksAdded.length} link{entry.linksAdded.length === 1 ? '' : 's'}
        </>
      ) : null}
      {entry.change !== 'added' && entry.linksAdded.length + entry.linksRemoved.length > 0 ? (
        <ul>
          {entry.linksAdded.map((l) => (
            <li key={`+${l}`}>link added: {l}</li>
          ))}
          {entry.linksRemoved.map((l) => (
            <li key={`-${l}`}>link removed: {l}</li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/** The element's most recent commits from git (newest first), when the site was built with history. */
export function ElementHistorySection({ element }: { element: Element }) {
  const { data } = useSite();
  if (data.histories.size === 0) return null;
  const entries = data.histories.get(element.id)?.entries ?? [];
  const earlier = entries.length - HISTORY_SHOWN;
  return (
    <section aria-labelledby="history">
      <h2 id="history">History</h2>
      {entries.length === 0 ? <p>No change recorded in the commits read.</p> : null}
      <ol class="history">
        {entries.slice(0, HISTORY_SHOWN).map((entry) => (
          <Entry key={entry.commit} entry={entry} />
        ))}
      </ol>
      {earlier > 0 ? (
        <p class="muted">
          {earlier} earlier commit{earlier === 1 ? '' : 's'}: <code>{`tracery history ${element.id}`}</code>{' '}
          lists them all.
        </p>
      ) : null}
    </section>
  );
}
