import fc from 'fast-check';

// Generators of YAML texts for the property tests of the loader (one meaning on every path).

/** Plain scalars that YAML 1.1, YAML 1.2, js-yaml's defaults and JSON read in different ways. */
export const TRICKY = [
  ...['0b101', '0B101', '-0b1', '0o17', '0O17', '-0o17', '+0o17', '0x1F', '0X1f', '-0x1F', '+0x1F'],
  ...['1_000', '0x_1F', '1__0', '_1', '1_', '1_000.5', '0777', '08', '007', '+7', '-0', '+0', '00'],
  ...['.5', '+.5', '-.5', '5.', '-5.', '1e3', '1E3', '+1e-3', '.5e2', '1.5e+2', 'e3', '1e', '1.2.3'],
  ...['.inf', '.Inf', '.INF', '-.inf', '+.inf', '.iNf', 'inf', 'Infinity', '.nan', '.NaN', '.NAN', 'NaN'],
  ...['~', 'null', 'Null', 'NULL', 'nULL', 'Nil', ''],
  ...['true', 'True', 'TRUE', 'tRUE', 'false', 'False', 'FALSE', 'yes', 'Yes', 'YES', 'no', 'No', 'NO'],
  ...['on', 'On', 'ON', 'off', 'Off', 'OFF', 'y', 'Y', 'n', 'N'],
  ...[
    '2024-01-01',
    '2001-12-14t21:59:43.10-05:00',
    '2001-12-14 21:59:43.10 -5',
    '2002-12-14',
    '1:20',
    '190:20:30',
  ],
  ...['12345678901234567890', '9007199254740993', '1e400', '-1e400', '0.1', '3.14159'],
  ...['IF-021', 'REQ-LSS-001', 'a b', 'é', 'x#y', 'a:b', '=', '<<', '-', '?', 'NO-1'],
];

export const plainText = fc.oneof(
  fc.constantFrom(...TRICKY),
  fc
    .tuple(
      fc.constantFrom('', '+', '-'),
      fc.constantFrom('', '0b', '0o', '0x', '0', '.'),
      fc.stringMatching(/^[0-9a-fA-F_]{1,6}$/),
      fc.constantFrom('', '.', '.5', 'e3', 'e-2', '_0'),
    )
    .map((parts) => parts.join('')),
  fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ._-]{0,12}$/),
);

export const scalarText = fc.oneof(
  { weight: 4, arbitrary: plainText },
  plainText.map((t) => `'${t.replaceAll("'", "''")}'`),
  plainText.map((t) => JSON.stringify(t)),
);

/** A YAML document whose values are generated scalars, in block and flow styles. */
export const documentText = fc
  .record({
    values: fc.array(scalarText, { minLength: 1, maxLength: 6 }),
    flow: fc.array(scalarText, { maxLength: 3 }),
    keys: fc.array(plainText, { minLength: 1, maxLength: 3 }),
    comments: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
    block: fc.constantFrom('', '|', '|-', '>', '>+'),
    anchor: fc.boolean(),
  })
  .map(({ values, flow, keys, comments, block, anchor }) => {
    const lines = values.map((value, i) => `v${i}: ${value}${comments[i] ? ' # note' : ''}`);
    if (block !== '') lines.push(`text: ${block}\n  first ${values[0]}\n\n  second: line\n`);
    lines.push(`list:\n${values.map((value) => `  - ${value}`).join('\n')}`);
    lines.push(`flow: [${flow.join(', ')}]`);
    lines.push(`keys:\n${keys.map((key, i) => `  ${key}: ${i}`).join('\n')}`);
    if (anchor) lines.push('anchored: &a x\nalias: *a');
    return `${lines.join('\n')}\n`;
  });

/** A model file whose elements carry generated scalars in typed fields and unknown ones. */
export const modelText = fc
  .record({
    name: scalarText,
    status: scalarText,
    extra: scalarText,
    ref: scalarText,
    anchor: fc.boolean(),
  })
  .map(({ name, status, extra, ref, anchor }) =>
    [
      'elements:',
      '  - id: REQ-1',
      '    kind: Requirement',
      `    name: ${name}`,
      `    status: ${status}`,
      `    extra: ${extra}`,
      `    refines: ${ref}`,
      `  - id: REQ-2${anchor ? '\n    tags: &t [a]\n    owner: *t' : ''}`,
      '    kind: Requirement',
      `    name: ${extra}`,
      '',
    ].join('\n'),
  );
