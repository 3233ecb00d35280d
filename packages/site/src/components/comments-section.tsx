/** @jsxRuntime automatic @jsxImportSource preact */
import type { Element } from '@tracery/core';
import type { Comment } from '@tracery/core/advanced';
import { IdLink } from './id-link.js';
import { useSite } from './site-context.js';

/** A status as a badge: statuses that block a baseline (Action, clarification, open) stand out. */
export function CommentStatus({ status }: { status: string }) {
  const { data } = useSite();
  const blocks = data.comments.statuses.find((s) => s.name === status)?.blocksBaseline ?? false;
  return <span class={`badge ${blocks ? 'warning' : 'info'}`}>{status}</span>;
}

function Resolution({ comment }: { comment: Comment }) {
  const r = comment.resolution;
  if (!r) return null;
  return (
    <>
      {r.changeRequest ? (
        <>
          {' '}
          Resolved by <IdLink id={r.changeRequest} />.
        </>
      ) : null}
      {r.commit ? ` Commit ${r.commit}.` : null}
      {r.version ? ` Version ${r.version}.` : null}
    </>
  );
}

/** What a comment is about, seen from the page it is listed on: its artefact, or its element or section. */
function About({ comment, pageId }: { comment: Comment; pageId: string }) {
  if (comment.artefact !== pageId) return <IdLink id={comment.artefact} />;
  const section = comment.section ? `§ ${comment.section}` : '';
  if (!comment.element || comment.element === pageId) return <>{section}</>;
  return (
    <>
      <IdLink id={comment.element} /> {section}
    </>
  );
}

function CommentRow({ comment, pageId }: { comment: Comment; pageId: string }) {
  return (
    <tr>
      <td class="nowrap">{comment.id}</td>
      <td>
        <About comment={comment} pageId={pageId} />
      </td>
      <td>{comment.round}</td>
      <td>
        {comment.organisation} <span class="muted">({comment.constituency})</span>
      </td>
      <td class="nowrap">{comment.date ?? ''}</td>
      <td>
        <CommentStatus status={comment.status} />
      </td>
      <td>
        {comment.text}
        {comment.illustrative ? <span class="muted"> (illustrative)</span> : null}
      </td>
      <td>
        {comment.response ?? ''}
        <Resolution comment={comment} />
      </td>
    </tr>
  );
}

/** Counts of comments by status, in the statuses' order, as a sentence. */
function countLine(statuses: readonly string[], comments: readonly Comment[]): string {
  const counts = statuses
    .map((s) => [s, comments.filter((c) => c.status === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`);
  return `${comments.length} comment${comments.length === 1 ? '' : 's'}: ${counts.join(', ')}.`;
}

/** The review comments on an artefact (on its page) or about an element (on the element's page). */
export function CommentsSection({ element }: { element: Element }) {
  const { data } = useSite();
  const comments = data.index.comments.get(element.id) ?? [];
  if (comments.length === 0) return null;
  const onArtefact = comments.some((c) => c.artefact === element.id);
  const statuses = data.comments.statuses.map((s) => s.name);
  return (
    <section aria-labelledby="comments">
      <h2 id="comments">{onArtefact ? 'Review comments on this artefact' : 'Review comments about it'}</h2>
      <p>{countLine(statuses, comments)}</p>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              {['Comment', 'About', 'Round', 'From', 'Date', 'Status', 'Comment text', 'Response'].map(
                (h) => (
                  <th key={h} scope="col">
                    {h}
                  </th>
                ),
              )}
            </tr>
          </thead>
          <tbody>
            {comments.map((c) => (
              <CommentRow key={c.id} comment={c} pageId={element.id} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
