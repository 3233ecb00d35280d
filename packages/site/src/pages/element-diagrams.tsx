/** @jsxRuntime automatic @jsxImportSource preact */
import type { Element } from '@tracery/core';
import { IdLink } from '../components/id-link.js';
import { useSite } from '../components/site-context.js';
import type { DiagramInfo } from '../data/read-diagrams.js';

/** The business processes a diagram draws (the ids of its shapes that are processes), sorted. */
export function processesOf(data: ReturnType<typeof useSite>['data'], diagram: DiagramInfo): string[] {
  const ids = new Set(diagram.links.values());
  return [...ids].filter((id) => data.loaded.model.findElement(id)?.kind === 'BusinessProcess').sort();
}

/**
 * The diagrams an element appears in. A process's page draws its diagram (bpmn-js, in the browser; the
 * list of its steps is there without script); any other element links to the processes whose diagrams show it.
 */
export function ElementDiagrams({ element }: { element: Element }) {
  const { data, base } = useSite();
  const diagrams = data.index.diagrams.get(element.id) ?? [];
  if (diagrams.length === 0) return null;
  const drawn = element.kind === 'BusinessProcess';
  return (
    <section aria-labelledby="diagrams">
      <h2 id="diagrams">Diagrams</h2>
      {diagrams.map((diagram) => (
        <div key={diagram.file}>
          <p>
            In <code>{diagram.file}</code>
            {drawn ? null : (
              <>
                {', the diagram of '}
                {processesOf(data, diagram).map((id) => (
                  <IdLink key={id} id={id} named />
                ))}
              </>
            )}
          </p>
          {drawn ? (
            <>
              <figure class="diagram">
                <figcaption>{`BPMN diagram ${diagram.file}; click a task to open its step page`}</figcaption>
                <div class="bpmn-canvas" data-diagram={`${base}d/${diagram.siteFile}.json`}>
                  <p class="no-script">The diagram is drawn here when JavaScript runs.</p>
                </div>
              </figure>
              <p class="legend-text">
                Colours: green covered, red a finding or not covered, grey not assessed. Click a task to open
                its page.
              </p>
            </>
          ) : null}
        </div>
      ))}
    </section>
  );
}
