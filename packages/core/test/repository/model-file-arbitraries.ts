import fc from 'fast-check';
import { plainText, scalarText } from './yaml-arbitraries.js';

// Generators of model files in the canonical form the scanner reads (what `tracery` and the benchmarks
// write, and the ways people write the same by hand), and of near-canonical mutations of them.

const id = fc.oneof(
  { weight: 40, arbitrary: fc.stringMatching(/^(REQ|IF|TC|CR|SVC|DP)-[0-9]{1,3}$/) },
  fc.constantFrom(
    'REQ-1',
    'REQ-2',
    'IF-1',
    'DP-01',
    ' ',
    '.hidden',
    'a b',
    'x:y',
    'ümlaut',
    '1',
    'true',
    '~',
  ),
);
/** An id as written: mostly plain, sometimes quoted. */
const idText = fc.oneof(
  { weight: 5, arbitrary: id },
  id.map((t) => JSON.stringify(t)),
  id.map((t) => `'${t.replaceAll("'", "''")}'`),
);
/** Text values: generated words and sentences mostly, the tricky scalars of the one-meaning tests too. */
const text = fc.oneof(
  { weight: 24, arbitrary: fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ,.()/'-]{0,30}[A-Za-z0-9.)]$/) },
  { weight: 2, arbitrary: scalarText },
  fc.constantFrom(
    '"quoted \\"text\\""',
    "'it''s'",
    '"a: b # c"',
    'caf\u00e9 \u4e2d\u6587',
    '"back\\\\slash"',
  ),
);
const enumValue = fc.constantFrom(
  'must',
  'should',
  'draft',
  'approved',
  'modify',
  'add',
  'functional',
  'yes',
);
/** Ids in a list: flow (`[A, B]`), or a block list (indented, or at the key's own indent). */
const idList = fc.record({
  ids: fc.array(idText, { maxLength: 4 }),
  flow: fc.boolean(),
  compact: fc.boolean(),
  spaced: fc.boolean(),
});
const entryObject = fc.record({
  id: idText,
  extra: fc.option(
    fc.oneof(
      { weight: 8, arbitrary: fc.tuple(fc.constantFrom('note', 'reviewed'), text) },
      fc.tuple(fc.constantFrom('nature', 'bogus'), enumValue),
    ),
  ),
  flow: fc.boolean(),
});

type IdList = { ids: string[]; flow: boolean; compact: boolean; spaced: boolean };
type EntryObject = { id: string; extra: [string, string] | null; flow: boolean };
type Field = { readonly key: string; readonly lines: (indent: string) => string[] };

function listField(key: string, list: IdList): Field {
  const { ids, flow, compact, spaced } = list;
  if (flow || ids.length === 0) {
    const inner = spaced ? ` ${ids.join(' , ')} ` : ids.join(', ');
    return { key, lines: (i) => [`${i}${key}: [${ids.length === 0 ? '' : inner}]`] };
  }
  return { key, lines: (i) => [`${i}${key}:`, ...ids.map((x) => `${i}${compact ? '' : '  '}- ${x}`)] };
}

function objectField(key: string, entries: EntryObject[], single: boolean): Field {
  const flowOf = (e: EntryObject) => `{ id: ${e.id}${e.extra ? `, ${e.extra[0]}: ${e.extra[1]}` : ''} }`;
  const blockOf = (e: EntryObject, i: string) => [
    `${i}  - id: ${e.id}`,
    ...(e.extra ? [`${i}    ${e.extra[0]}: ${e.extra[1]}`] : []),
  ];
  if (single) return { key, lines: (i) => [`${i}${key}: ${flowOf(entries[0]!)}`] };
  return {
    key,
    lines: (i) =>
      entries.every((e) => e.flow)
        ? [`${i}${key}: [${entries.map(flowOf).join(', ')}]`]
        : [`${i}${key}:`, ...entries.flatMap((e) => blockOf(e, i))],
  };
}

/** What each kind may write (default metamodel): its attributes with their values, and its relations. */
const KINDS: Record<
  string,
  { readonly fields: Record<string, fc.Arbitrary<string>>; readonly relations: string[] }
> = {
  Requirement: {
    fields: {
      priority: fc.constantFrom('must', 'should'),
      requirementType: fc.constant('data'),
      source: text,
    },
    relations: ['refines', 'partOf', 'governedBy', 'dependsOn'],
  },
  TestCase: {
    fields: { junit: text, testLevel: fc.constantFrom('unit', 'system') },
    relations: ['verifies', 'governedBy', 'dependsOn'],
  },
  ChangeRequest: {
    fields: { raised: fc.constantFrom('2024-01-31', '2024-13-01', "'2024-02-02'"), raisedBy: text },
    relations: ['changes', 'dependsOn'],
  },
  Interface: {
    fields: { trigger: text, channel: fc.constantFrom('DIP', 'API', 'dip'), version: plainText },
    relations: ['carries', 'satisfies', 'dependsOn', 'documentedIn'],
  },
  Service: {
    fields: { shortName: text, category: fc.constantFrom('tom-service', 'central-system') },
    relations: ['partOf', 'performs', 'satisfies', 'dependsOn'],
  },
};
const BASE = {
  description: text,
  owner: text,
  tranche: fc.constantFrom('T1', 'T2', '2', '"2"'),
  status: fc.constantFrom('draft', 'approved', 'baselined', 'Draft'),
};

function scalarField(key: string, value: string): Field {
  return { key, lines: (i) => [`${i}${key}: ${value}`] };
}

function relationField(names: readonly string[]): fc.Arbitrary<Field> {
  const name = fc.constantFrom(...names);
  return fc.oneof(
    { weight: 4, arbitrary: fc.tuple(name, idList).map(([key, list]) => listField(key, list)) },
    fc.tuple(name, idText).map(([key, value]) => scalarField(key, value)),
    fc
      .tuple(name, fc.array(entryObject, { minLength: 1, maxLength: 3 }), fc.boolean())
      .map(([key, entries, single]) => objectField(key, entries, single)),
  );
}

/** A block scalar (`>-`, `|`...) over one to three lines, indented by two or four, sometimes followed by an empty line. */
const blockScalar = fc.record({
  header: fc.constantFrom('>-', '>', '|-', '|', '>+', '>2'),
  lines: fc.array(
    fc.oneof({ weight: 5, arbitrary: text }, fc.constantFrom('# not a comment', 'a: b', '  deeper', '')),
    {
      minLength: 1,
      maxLength: 3,
    },
  ),
  deeper: fc.constantFrom('  ', '  ', '    '),
  empty: fc.boolean(),
});

function blockField(key: string): fc.Arbitrary<Field> {
  return blockScalar.map(({ header, lines, deeper, empty }) => ({
    key,
    lines: (i: string) => [
      `${i}${key}: ${header}`,
      ...lines.map((l) => `${i}${deeper}${l}`),
      ...(empty ? [''] : []),
    ],
  }));
}

function fieldsOf(kind: string): fc.Arbitrary<Field> {
  const known = KINDS[kind];
  const values: Record<string, fc.Arbitrary<string>> = { ...BASE, ...(known?.fields ?? {}) };
  const attribute = fc
    .constantFrom(...Object.keys(values))
    .chain((key) => values[key]!.map((value) => scalarField(key, value)));
  return fc.oneof(
    { weight: 20, arbitrary: attribute },
    { weight: 20, arbitrary: relationField(known?.relations ?? ['dependsOn']) },
    { weight: 6, arbitrary: idList.map((list) => listField('tags', list)) },
    { weight: 1, arbitrary: fc.constantFrom('bogus', 'verifies').map((key) => scalarField(key, 'x')) },
    { weight: 6, arbitrary: blockField('description') },
    { weight: 2, arbitrary: blockField((known?.relations ?? ['dependsOn'])[0]!) },
  );
}

const kinds = Object.keys(KINDS);
const element = fc
  .oneof({ weight: 30, arbitrary: fc.constantFrom(...kinds) }, fc.constant('Bogus'))
  .chain((kind) =>
    fc.record({
      id: idText,
      kind: fc.oneof(
        { weight: 30, arbitrary: fc.constant(kind) },
        fc.constantFrom('"Requirement"', 'requirement'),
      ),
      name: fc.oneof({ weight: 30, arbitrary: text }, fc.constant(undefined)),
      fields: fc.array(fieldsOf(kind), { maxLength: 5 }),
      dash: fc.constantFrom(' ', ' ', ' ', '   '),
    }),
  );

/** A model file in the canonical form (or a hand-written variant of it), with comment and blank lines. */
export const canonicalModelText = fc
  .record({
    elements: fc.array(element, { minLength: 1, maxLength: 5 }),
    indent: fc.constantFrom('  ', '  ', '', '    '),
    header: fc.constantFrom('', '# A model file.\n', '# yaml-language-server: $schema=x.json\n\n'),
    schema: fc.boolean(),
    comments: fc.array(fc.nat(200), { maxLength: 3 }),
    finalNewline: fc.boolean(),
    crlf: fc.constantFrom(false, false, false, true),
  })
  .map(({ elements, indent, header, schema, comments, finalNewline, crlf }) => {
    const lines: string[] = [];
    for (const e of elements) {
      const inner = `${indent}${' '.repeat(e.dash.length + 1)}`;
      lines.push(`${indent}-${e.dash}id: ${e.id}`, `${inner}kind: ${e.kind}`);
      if (e.name !== undefined) lines.push(`${inner}name: ${e.name}`);
      const seen = new Set(['id', 'kind', 'name']);
      for (const f of e.fields) if (!seen.has(f.key) && seen.add(f.key)) lines.push(...f.lines(inner));
    }
    for (const at of comments)
      lines.splice(at % (lines.length + 1), 0, at % 3 === 0 ? '' : `${' '.repeat(at % 7)}# note`);
    const body = [...(schema ? ['$schema: ../schema.json'] : []), 'elements:', ...lines].join('\n');
    const text = `${header}${body}${finalNewline ? '\n' : ''}`;
    return crlf ? text.replaceAll('\n', '\r\n') : text;
  });

/** Characters and fragments that change what YAML means, or that the scanner must refuse. */
const NASTY = [
  ...[' ', '  ', '\n', '\t', '\r', '\r\n', '#', ' #', '&a ', '*a', '!', '!!str ', '|', '>', '%', '@', '`'],
  ...[':', ': ', '-', '- ', '?', '? ', ',', '[', ']', '{', '}', "'", '"', '\\', '\\n', '\\x41', '~', 'null'],
  ...[
    '\u00a0',
    '\u0085',
    '\u2028',
    '\u202e',
    '\ufeff',
    '\u0000',
    '\u001b',
    '\u007f',
    '\ud800',
    '\ud83d\ude00',
  ],
  ...['---\n', '...\n', 'id: X\n', 'kind: Requirement', '  ', 'prototype', '__proto__', 'constructor'],
  ...['x: y\n    ', '\n  - ', '\n    more text', 'é', '0x1F', '.inf', 'true', ' true', '"', 'elements:'],
];

/** Edits that most often keep the file in the subset, or change a value without leaving it. */
const MILD = ['x', '0', '1', '.', '-', '_', ' ', 'é', '\n', '\n\n', '\n#\n'];

const mutation = fc.oneof(
  { weight: 2, arbitrary: fc.record({ at: fc.nat(), insert: fc.constantFrom(...NASTY) }) },
  { weight: 2, arbitrary: fc.record({ at: fc.nat(), insert: fc.constantFrom(...MILD) }) },
  fc.record({ at: fc.nat(), remove: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ at: fc.nat(), line: fc.constantFrom('duplicate', 'indent', 'dedent', 'swap', 'drop') }),
);

function mutateLine(text: string, at: number, how: string): string {
  const lines = text.split('\n');
  const i = at % lines.length;
  const line = lines[i]!;
  if (how === 'duplicate') lines.splice(i, 0, line);
  else if (how === 'indent') lines[i] = ` ${line}`;
  else if (how === 'dedent') lines[i] = line.replace(/^ {1,2}/, '');
  else if (how === 'swap' && i + 1 < lines.length) [lines[i], lines[i + 1]] = [lines[i + 1]!, line];
  else if (how === 'drop') lines.splice(i, 1);
  return lines.join('\n');
}

/** A canonical model file with one or two mutations: inserted characters, removed ones, moved lines. */
export const mutatedModelText = fc
  .tuple(canonicalModelText, fc.array(mutation, { minLength: 1, maxLength: 2 }))
  .map(([text, mutations]) => {
    let out = text;
    for (const m of mutations) {
      const at = m.at % (out.length + 1);
      if ('insert' in m) out = out.slice(0, at) + m.insert + out.slice(at);
      else if ('remove' in m) out = out.slice(0, at) + out.slice(at + m.remove);
      else out = mutateLine(out, m.at, m.line);
    }
    return out;
  });
