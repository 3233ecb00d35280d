import { FAILSAFE_SCHEMA, type Schema as JsYamlSchema, Type } from 'js-yaml';
import { isScalar, Schema } from 'yaml';

/**
 * The YAML version whose meaning Tracery gives to every file: YAML 1.2 with its core schema (see the
 * core README, "YAML"). A `%YAML` directive naming another version is refused.
 */
export const YAML_VERSION = '1.2';

type ScalarTag = {
  readonly tag: string;
  readonly default?: boolean | 'key';
  readonly test?: RegExp;
  resolve(value: string, onError: (message: string) => void, options: { intAsBigInt: boolean }): unknown;
};

// The `yaml` package's own core tags, in its order: the fast path resolves a plain scalar with exactly
// the same tests and functions as the full parser, so the two cannot disagree on what `0b101`, `+.5`
// or `yes` means.
const CORE_TAGS = (new Schema({ schema: 'core' }).tags as unknown as ScalarTag[]).filter(
  (tag) => tag.default === true && tag.test !== undefined,
);

const NOT_SCALAR = Symbol('not a core scalar');
const ignore = () => {};

/** The value the YAML 1.2 core schema gives a plain (unquoted) scalar, or the text itself. */
export function resolvePlainScalar(text: string): unknown {
  const value = resolveCore(text);
  return value === NOT_SCALAR ? text : value;
}

function resolveCore(text: string): unknown {
  for (const tag of CORE_TAGS) {
    if (!tag.test!.test(text)) continue;
    const value = tag.resolve(text, ignore, { intAsBigInt: false });
    return isScalar(value) ? value.value : value;
  }
  return NOT_SCALAR;
}

/**
 * A js-yaml schema that resolves plain scalars as the `yaml` package's YAML 1.2 core schema does:
 * strings, maps and sequences from js-yaml's failsafe schema, and one implicit type that asks the
 * `yaml` package's core tags.
 */
export const JS_YAML_CORE_SCHEMA: JsYamlSchema = FAILSAFE_SCHEMA.extend({
  implicit: [
    new Type('tag:tracery,2026:core-scalar', {
      kind: 'scalar',
      resolve: (data: unknown) => typeof data === 'string' && resolveCore(data) !== NOT_SCALAR,
      construct: (data: string) => resolveCore(data),
    }),
  ],
});
