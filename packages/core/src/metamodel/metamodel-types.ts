import type { Metamodel } from './metamodel.js';
import type { AttributeDef, KindEnds } from './metamodel-schema.js';

/** Options of {@link metamodelTypes}. */
export type MetamodelTypesOptions = {
  /** Where the metamodel came from (a repository folder), for the file's header. */
  readonly source?: string;
};

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const key = (name: string) => (IDENTIFIER.test(name) ? name : JSON.stringify(name));
const literal = (value: string) => JSON.stringify(value);
const doc = (indent: string, text: string | undefined) =>
  text?.trim()
    ? `${indent}/** ${text
        .trim()
        .replace(/\*\//g, '*\\/')
        .replace(/\s*\n\s*/g, ' ')} */\n`
    : '';

function attributeType(def: AttributeDef): string {
  switch (def.type) {
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'string-list':
      return 'readonly string[]';
    case 'enum':
      return def.values?.map(literal).join(' | ') ?? 'string';
    default:
      return 'string';
  }
}

function attributes(indent: string, defs: Readonly<Record<string, AttributeDef>>): string {
  const names = Object.keys(defs).sort();
  if (names.length === 0) return '{}';
  const lines = names.map((name) => {
    const def = defs[name]!;
    const optional = def.required === true ? '' : '?';
    return `${doc(`${indent}  `, def.description)}${indent}  readonly ${key(name)}${optional}: ${attributeType(def)};\n`;
  });
  return `{\n${lines.join('')}${indent}}`;
}

const ends = (value: KindEnds) => (value === '*' ? 'any kind' : value.join(', '));
const sorted = <T>(map: ReadonlyMap<string, T>) =>
  [...map.keys()].sort().map((name) => [name, map.get(name)!] as const);

/**
 * The text of a `.d.ts` that types a repository's metamodel for scripts: it fills in
 * `TraceryKinds` (each kind with its attributes and their types) and `TraceryRelationNames`
 * (each relation name and inverse name) by augmenting `@tracery/core`, so the compiler rejects an
 * unknown kind or relation name and completes the known ones. What `tracery types` writes.
 *
 * @example
 * await writeFile('tracery-types.d.ts', metamodelTypes(repo.metamodel, { source: repo.root }));
 */
export function metamodelTypes(metamodel: Metamodel, options: MetamodelTypesOptions = {}): string {
  const from = options.source === undefined ? '' : ` of ${options.source}`;
  const kinds = sorted(metamodel.kinds).map(
    ([name, kind]) =>
      `${doc('    ', kind.description)}    ${key(name)}: {\n      readonly kind: ${literal(name)};\n      readonly attributes: ${attributes('      ', kind.attributes)};\n    };\n`,
  );
  const names = sorted(metamodel.relationNames).map(([name, resolved]) => {
    const type = resolved.type;
    const reads = resolved.inverse
      ? `${ends(type.to)} -${name}-> ${ends(type.from)} (inverse of ${type.name})`
      : `${ends(type.from)} -${name}-> ${ends(type.to)} (inverse: ${type.inverse})`;
    return `${doc('    ', `${reads}. ${type.description}`)}    ${key(name)}: ${literal(type.name)};\n`;
  });
  return [
    `// The metamodel${from}, as types for scripts: written by \`tracery types\`. Do not edit;`,
    '// run `tracery types` again after changing the metamodel in tracery.yaml.',
    "import '@tracery/core';",
    '',
    "declare module '@tracery/core' {",
    '  interface TraceryKinds {',
    ...kinds.map((k) => k.trimEnd()),
    '  }',
    '  interface TraceryRelationNames {',
    ...names.map((n) => n.trimEnd()),
    '  }',
    '}',
    '',
  ].join('\n');
}
