import { CORE_SCHEMA, load } from 'js-yaml';
import { LineCounter } from 'yaml';
import type { ParsedYamlText } from './parse-yaml-file.js';
import { SpanNode } from './span-node.js';

// Anchors, aliases, tags and prototype keys need the full checks of the `yaml` package.
// So do digits with underscores, which js-yaml reads as numbers and YAML 1.2 as text.
const NEEDS_FULL_PARSER = /(^|[\s[{,:-])[&*!][^\s]|__proto__|\bconstructor\b|\bprototype\b|\d_/m;
const SPACE = /\s/;

type Frame = { start: number; children: SpanNode[] };

function trimmed(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s < e && SPACE.test(text[s]!)) s++;
  while (e > s && SPACE.test(text[e - 1]!)) e--;
  return [s, e];
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

/**
 * Parses a plain YAML or JSON file with js-yaml, several times faster than the `yaml` package,
 * recording every node's range through js-yaml's listener. Returns undefined when the file needs the
 * full parser: any syntax error, duplicate key, anchor, alias, tag or prototype key, or an empty
 * document. The caller then parses it with {@link parseYamlFile}, which reports those precisely.
 */
export function parseYamlFast(file: string, text: string): ParsedYamlText | undefined {
  if (NEEDS_FULL_PARSER.test(text)) return undefined;
  const stack: Frame[] = [{ start: 0, children: [] }];
  let value: unknown;
  try {
    value = load(text, {
      schema: CORE_SCHEMA,
      listener(event, state) {
        if (event === 'open') {
          stack.push({ start: state.position, children: [] });
          return;
        }
        const frame = stack.pop()!;
        const [start, end] = trimmed(text, frame.start, state.position);
        const only = frame.children.length === 1 ? frame.children[0]! : undefined;
        // js-yaml composes some nodes twice (a block sequence entry wraps its content): keep one.
        const node =
          only && only.range[0] === start && only.range[1] === end
            ? only
            : new SpanNode(start, end, kindOf(state.result), frame.children, state.result);
        stack[stack.length - 1]!.children.push(node);
      },
    });
  } catch {
    return undefined;
  }
  const root = stack[0]!.children[stack[0]!.children.length - 1];
  if (value === null || value === undefined || !root) return undefined;
  return { source: { file, lineCounter: lineCounterOf(text), text }, root, value, diagnostics: [] };
}
