import { load } from 'js-yaml';
import { LineCounter } from 'yaml';
import type { ParsedYamlText } from './parse-yaml-file.js';
import { SpanNode } from './span-node.js';
import { JS_YAML_CORE_SCHEMA } from './yaml-core-schema.js';

// Anchors, aliases, tags, directives and prototype keys need the full checks of the `yaml` package.
const NEEDS_FULL_PARSER = /(^|[\s[{,:-])[&*!][^\s]|^%|__proto__|\bconstructor\b|\bprototype\b/m;
const SPACE = /\s/;

type Frame = { start: number; children: SpanNode[] };

function trimmed(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s < e && SPACE.test(text[s]!)) s++;
  while (e > s && SPACE.test(text[e - 1]!)) e--;
  return [s, e];
}

// Where the `yaml` package places a value written as nothing (`name:`): after the indicator and the
// spaces that follow it on its line; js-yaml's listener places it at the next content.
function emptyAt(text: string, start: number, end: number): [number, number] {
  const [s, e] = trimmed(text, start, end);
  if (s < e) return [s, e];
  let i = s;
  while (i > 0 && SPACE.test(text[i - 1]!)) i--;
  while (i < s && (text[i] === ' ' || text[i] === '\t')) i++;
  return [i, i];
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
  const stack: Frame[] = [{ start: 0, children: [] }];
  let value: unknown;
  let oddKey = false;
  try {
    value = load(text, {
      schema: JS_YAML_CORE_SCHEMA,
      listener(event, state) {
        if (event === 'open') {
          stack.push({ start: state.position, children: [] });
          return;
        }
        const frame = stack.pop()!;
        const [start, end] =
          state.result === null
            ? emptyAt(text, frame.start, state.position)
            : trimmed(text, frame.start, state.position);
        const only = frame.children.length === 1 ? frame.children[0]! : undefined;
        // js-yaml composes some nodes twice (a block sequence entry wraps its content): keep one.
        const node =
          only && only.start === start && only.end === end
            ? only
            : new SpanNode(start, end, kindOf(state.result), frame.children, state.result);
        if (node.kind === 'map' && !oddKey) oddKey = hasOddKey(node.children);
        stack[stack.length - 1]!.children.push(node);
      },
    });
  } catch {
    return undefined;
  }
  if (oddKey) return undefined;
  const root = stack[0]!.children[stack[0]!.children.length - 1];
  if (value === null || value === undefined || !root) return undefined;
  return { source: { file, lineCounter: lineCounterOf(text), text }, root, value, diagnostics: [] };
}
