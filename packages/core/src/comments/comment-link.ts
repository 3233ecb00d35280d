/** What a "comment on this" link is about: an element (or an artefact) of the model. */
export type CommentLinkSubject = {
  readonly id: string;
  readonly kind: string;
  readonly name: string;
  /** The artefact the element is documented in, when it is one element of a document. */
  readonly artefact?: string;
};

/**
 * Fills tracery.yaml's `comments.link` template for one element: `{id}`, `{kind}`, `{name}` and
 * `{artefact}` are replaced by their URL-encoded values, so a `mailto:` address or a form URL opens
 * pre-filled. Returns undefined when the repository has no template.
 *
 * @example
 * commentLink('mailto:design@example.org?subject=Comment%20on%20{id}', { id: 'IF-021', kind: 'Interface', name: 'UTC data' })
 * // 'mailto:design@example.org?subject=Comment%20on%20IF-021'
 */
export function commentLink(template: string | undefined, subject: CommentLinkSubject): string | undefined {
  if (!template) return undefined;
  const values: Record<string, string> = {
    id: subject.id,
    kind: subject.kind,
    name: subject.name,
    artefact: subject.artefact ?? '',
  };
  return template.replace(/\{(id|kind|name|artefact)\}/g, (_, key: string) =>
    encodeURIComponent(values[key] ?? ''),
  );
}
