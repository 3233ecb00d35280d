/**
 * The kinds of a repository's metamodel, by name: empty here, filled in by the `.d.ts` that
 * `tracery types` writes (a module augmentation of `@tracery/core`). While it is empty every kind
 * name type-checks; once filled, {@link KindName} is exactly the repository's kinds, so the compiler
 * rejects `findElements(model, { kind: 'Interfce' })`, and each entry types the kind's attributes.
 *
 * @example
 * // tracery-types.d.ts, as `tracery types` writes it:
 * declare module '@tracery/core' {
 *   interface TraceryKinds {
 *     Interface: { readonly kind: 'Interface'; readonly attributes: { readonly channel?: string } };
 *   }
 * }
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by module augmentation (tracery types)
export interface TraceryKinds {}

/**
 * The relation names of a repository's metamodel (type names and inverse names), each mapped to its
 * relation type: empty here, filled in by the `.d.ts` that `tracery types` writes. Once filled,
 * {@link RelationName} is exactly these names, so `related(model, id, 'sentby')` is a compile error.
 *
 * @example
 * declare module '@tracery/core' {
 *   interface TraceryRelationNames { sends: 'sends'; sentBy: 'sends' }
 * }
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by module augmentation (tracery types)
export interface TraceryRelationNames {}
