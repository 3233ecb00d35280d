import type { z } from 'zod';

/** A type with every array and object readonly, as core's result types are. */
export type DeepReadonly<T> = T extends readonly (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/**
 * What a value must be for the payload schema `S` to describe it: used as
 * `({}) as ImpactResult satisfies Described<typeof ImpactPayloadSchema>`, so a change to a core result
 * type that the schema does not follow is a compile error.
 */
export type Described<S extends z.ZodType> = DeepReadonly<z.input<S>>;
