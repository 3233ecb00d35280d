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

/** The tests of the core tags, in order (for the test of {@link CORE_FIRST_CHARACTERS}). */
export const CORE_TAG_TESTS: readonly RegExp[] = CORE_TAGS.map((tag) => tag.test!);

const NOT_SCALAR = Symbol('not a core scalar');
const ignore = () => {};

/** The value the YAML 1.2 core schema gives a plain (unquoted) scalar, or the text itself. */
export function resolvePlainScalar(text: string): unknown {
  const value = resolveCore(text);
  return value === NOT_SCALAR ? text : value;
}

/**
 * The characters a plain scalar of the core schema can start with (null, booleans, numbers, `.inf`,
 * `.nan`); the empty text is null too. Any other first character means text, with no tag to test.
 * `test/repository/yaml-core-schema.test.ts` checks this against the tags themselves.
 */
export const CORE_FIRST_CHARACTERS = '~nNtTfF0123456789+-.';
const MAY_BE_CORE = new Uint8Array(128);
for (const c of CORE_FIRST_CHARACTERS) MAY_BE_CORE[c.charCodeAt(0)] = 1;

// js-yaml asks `resolve` and then `construct` for the same scalar: the second answer is the first.
let lastText: string | undefined;
let lastValue: unknown;

function resolveCore(text: string): unknown {
  if (text.length > 0) {
    const first = text.charCodeAt(0);
    if (first >= 128 || MAY_BE_CORE[first] === 0) return NOT_SCALAR;
  }
  if (text === lastText) return lastValue;
  lastText = text;
  lastValue = resolveByTags(text);
  return lastValue;
}

function resolveByTags(text: string): unknown {
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
