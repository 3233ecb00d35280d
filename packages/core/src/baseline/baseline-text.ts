import { BASELINE_FORMAT, BASELINE_HASH_SCHEME } from './baseline-format.js';

/** The entries of one list of a baseline file: `[]`, or one entry per line, indented, comma between. */
function* listText(entries: Iterable<string>): Generator<string> {
  let first = true;
  for (const entry of entries) {
    yield first ? `[\n    ${entry}` : `,\n    ${entry}`;
    first = false;
  }
  yield first ? '[]' : '\n  ]';
}

/**
 * The text of a baseline file in pieces, in order, from its entries' JSON texts (each
 * `{"hash":…,"element":…}` or `{"hash":…,"relation":…}`, in key order): one element or relation per
 * line, so that a diff of two baseline files shows one line per change. Joined, the pieces are the
 * file; written one after another, the file is never held whole.
 *
 * @example
 * await writeFileAtomic('baselines/T1.json', baselineText('T1', elementLines, relationLines));
 */
export function* baselineText(
  name: string,
  elements: Iterable<string>,
  relations: Iterable<string>,
): Generator<string> {
  yield `{\n  "format": ${JSON.stringify(BASELINE_FORMAT)},\n  "hashScheme": ${BASELINE_HASH_SCHEME},\n  "name": ${JSON.stringify(name)},\n  "elements": `;
  yield* listText(elements);
  yield ',\n  "relations": ';
  yield* listText(relations);
  yield '\n}\n';
}
