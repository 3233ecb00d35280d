/**
 * The base class of every error that Tracery throws for misuse of its API.
 * Problems in a user's design files are never thrown: they are returned as diagnostics.
 *
 * @example
 * try { getElement(model, 'NOPE') } catch (e) { if (e instanceof TraceryError) console.error(e.message) }
 */
export class TraceryError extends Error {
  override name = 'TraceryError';
}

/**
 * An argument passed to a Tracery function was wrong; the message names the argument.
 *
 * @example
 * findElements(model, { kind: 'Interfce' }) // throws InvalidArgumentError: ... did you mean "Interface"?
 */
export class InvalidArgumentError extends TraceryError {
  override name = 'InvalidArgumentError';
}

/**
 * An element or relation that the caller named is not in the model.
 *
 * @example
 * model.getElement('IF-999') // throws NotFoundError
 */
export class NotFoundError extends TraceryError {
  override name = 'NotFoundError';
}

/**
 * A repository could not be read or written at all (missing folder, unreadable config).
 *
 * @example
 * await loadRepository('no/such/folder') // throws RepositoryError
 */
export class RepositoryError extends TraceryError {
  override name = 'RepositoryError';
}
