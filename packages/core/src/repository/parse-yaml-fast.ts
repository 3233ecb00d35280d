import { load } from 'js-yaml';
import { LineCounter } from 'yaml';
import type { ParsedYamlText } from './parse-yaml-file.js';
import { NO_CHILDREN, SpanNode } from './span-node.js';
import { JS_YAML_CORE_SCHEMA } from './yaml-core-schema.js';

/** Anchors, aliases, tags, directives and prototype keys: a text matching this takes the `yaml` package. */
export const NEEDS_FULL_PARSER = /(^|[\s[{,:-])[&*!][^\s]|^%|__proto__|\bconstructor\b|\bprototype\b/m;
/** True for exactly the characters of the regular expression `\s` (white space and line ends). */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

// The range of the node just closed, set by `trim` and `emptyAt` (no array per node).
let rangeStart = 0;
let rangeEnd = 0;

/** The range from `start` to `end` without the white space at either end. */
function trim(text: string, start: number, end: number): void {
  let s = start;
  // js-yaml reads a text without a final line end as if it had one: its positions can be one past the end.
  let e = Math.min(end, text.length);
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  rangeStart = s;
  rangeEnd = e;
}

// Where the `yaml` package places a value written as nothing (`name:`): after the indicator and the
// spaces that follow it on its line; js-yaml's listener places it at the next content.
function emptyAt(text: string, start: number, end: number): void {
  trim(text, start, end);
  const s = rangeStart;
  if (s < rangeEnd) return;
  let i = s;
  while (i > 0 && isSpace(text.charCodeAt(i - 1))) i--;
  while (i < s && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  rangeStart = i;
  rangeEnd = i;
}

function kindOf(value: unknown): SpanNode['kind'] {
  if (Array.isArray(value)) return 'seq';
  return value !== null && typeof value === 'object' ? 'map' : 'scalar';
}

function lineCounterOf(text: string): LineCounter {
  const counter = new LineCounter();
  counter.addNewLine(0);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) counter.addNewLine(i + 1);
  return counter;
}

// A key that is null, a list or a map becomes a different object key in js-yaml ("null") than in
// the `yaml` package (""): such files take the full parser.
function hasOddKey(children: readonly SpanNode[]): boolean {
  for (let i = 0; i < children.length; i += 2) {
    const key = children[i]!.value;
    if (key === null || typeof key === 'object') return true;
  }
  return false;
}

/**
 * Parses a plain YAML or JSON file with js-yaml, several times faster than the `yaml` package,
 * recording every node's range through js-yaml's listener. Returns undefined when the file needs the
 * full parser: any syntax error, duplicate key, anchor, alias, tag, directive, prototype key or key
 * that is not text, or an empty document. Plain scalars get the YAML 1.2 core meaning of the full parser
 * ({@link JS_YAML_CORE_SCHEMA}). The caller then parses it with {@link parseYamlFile}, which reports those precisely.
 */
export function parseYamlFast(file: string, text: string): ParsedYamlText | undefined {
  if (NEEDS_FULL_PARSER.test(text)) return undefined;
  // The start of each open node, where its children begin in `done`, and the nodes closed but not
  // yet given to their parent: flat lists, so that a scalar costs no array of its own.
  const starts: number[] = [];
  const marks: number[] = [];
  const done: SpanNode[] = [];
  let value: unknown;
  let oddKey = false;
  try {
    value = load(text, {
      schema: JS_YAML_CORE_SCHEMA,
      listener(event, state) {
        if (event === 'open') {
          starts.push(state.position);
          marks.push(done.length);
          return;
        }
        const start = starts.pop()!;
        const mark = marks.pop()!;
        if (state.result === null) emptyAt(text, start, state.position);
        else trim(text, start, state.position);
        const count = done.length - mark;
        const only = count === 1 ? done[mark]! : undefined;
        // js-yaml composes some nodes twice (a block sequence entry wraps its content): keep one.
        if (only && only.start === rangeStart && only.end === rangeEnd) return;
        const children = count === 0 ? NO_CHILDREN : done.slice(mark);
        done.length = mark;
        const node = new SpanNode(rangeStart, rangeEnd, kindOf(state.result), children, state.result);
        if (node.kind === 'map' && !oddKey) oddKey = hasOddKey(node.children);
        done.push(node);
      },
    });
  } catch {
    return undefined;
  }
  if (oddKey) return undefined;
  const root = done[done.length - 1];
  if (value === null || value === undefined || !root) return undefined;
  return { source: { file, lineCounter: lineCounterOf(text), text }, root, value, diagnostics: [] };
}
