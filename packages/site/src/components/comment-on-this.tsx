/** @jsxRuntime automatic @jsxImportSource preact */
import { type CommentLinkSubject, commentLink } from '@tracery/core/advanced';
import { useSite } from './site-context.js';

/** The schemes a "comment on this" link may use; tracery.yaml refuses others, and the site checks again. */
const SAFE = /^(https?:|mailto:)/i;

/**
 * The "comment on this" link: tracery.yaml's `comments.link` filled in for what the page is about (core's
 * `commentLink`, URL-encoded). Nothing when the repository has no link or its scheme is not http(s) or mailto.
 */
export function CommentOnThis({ subject }: { subject: CommentLinkSubject }) {
  const { data } = useSite();
  const href = commentLink(data.loaded.config.comments?.link, subject);
  if (href === undefined || !SAFE.test(href)) return null;
  return (
    <p class="comment-on-this">
      <a href={href} rel="noopener noreferrer">
        Comment on this
      </a>
    </p>
  );
}
