/** @jsxRuntime automatic @jsxImportSource preact */
import { elementHref } from '../href.js';
import { useSite } from './site-context.js';

/** An element id as a link to its page; with `named`, followed by the element's name. Unknown ids stay plain text. */
export function IdLink({ id, named = false }: { id: string; named?: boolean }) {
  const { data, base } = useSite();
  const element = data.loaded.model.findElement(id);
  if (!element)
    return (
      <span class="id missing" title="not in the model">
        {id}
      </span>
    );
  return (
    <>
      <a class="id" href={elementHref(id, base)}>
        {id}
      </a>
      {named && element.name !== '' ? <span class="name"> {element.name}</span> : null}
    </>
  );
}

/** Ids as links, separated by commas. */
export function IdList({ ids, named = false }: { ids: readonly string[]; named?: boolean }) {
  if (ids.length === 0) return <span class="none">none</span>;
  return (
    <>
      {ids.map((id, i) => (
        <>
          {i > 0 ? ', ' : null}
          <IdLink id={id} named={named} />
        </>
      ))}
    </>
  );
}
