import { LineCounter } from 'yaml';
import { parseYamlFast } from './parse-yaml-fast.js';
import { type ParsedYamlText, parseYamlFile } from './parse-yaml-file.js';
import { findTooDeep } from './yaml-depth.js';
import { positionAt, type YamlSource } from './yaml-position.js';

/** The limits a YAML text is read under (the `limits:` section of tracery.yaml). */
export type YamlLimits = { readonly maxAliasCount: number; readonly maxDepth: number };

function sourceOf(file: string, text: string): YamlSource {
  const lineCounter = new LineCounter();
  lineCounter.addNewLine(0);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
  return { file, lineCounter, text };
}

function tooDeep(file: string, text: string, offset: number, limits: YamlLimits): ParsedYamlText {
  const source = sourceOf(file, text);
  return {
    source,
    root: undefined,
    value: undefined,
    diagnostics: [
      {
        code: 'yaml-too-deep',
        severity: 'error',
        message: `the file is nested too deep: maps and lists go more than ${limits.maxDepth} levels down here; a design file needs a handful, so flatten it (or raise limits.maxDepth in tracery.yaml).`,
        source: positionAt(source, offset),
      },
    ],
  };
}

/** The diagnostic for a text nested past `limits.maxDepth`, or undefined when it is not. */
export function refuseTooDeep(file: string, text: string, limits: YamlLimits): ParsedYamlText | undefined {
  const deep = findTooDeep(text, limits.maxDepth);
  return deep === undefined ? undefined : tooDeep(file, text, deep, limits);
}

/**
 * Parses one model file's text, the one way every load reads YAML: files nested past
 * `limits.maxDepth` are refused before parsing; plain files take the fast parser, which gives the
 * same values, positions and diagnostics as the full one; anything else takes the full parser.
 * Never throws for bad input.
 */
export function parseYamlText(file: string, text: string, limits: YamlLimits, fast = true): ParsedYamlText {
  const deep = refuseTooDeep(file, text, limits);
  if (deep) return deep;
  try {
    return (fast ? parseYamlFast(file, text) : undefined) ?? parseYamlFile(file, text, limits.maxAliasCount);
  } catch (error) {
    // The depth estimate keeps parsers far from the stack limit; this is the last guard.
    if (error instanceof RangeError) return tooDeep(file, text, 0, limits);
    throw error;
  }
}
