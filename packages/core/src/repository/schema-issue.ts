import type { z } from 'zod';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { didYouMeanSuffix } from '../diagnostics/did-you-mean.js';
import { keyNode, nodeAtPath, positionOf, type YamlSource } from './yaml-position.js';

/** Renders a value for a message: short, quoted when a string, with its type. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return `"${value.length > 60 ? `${value.slice(0, 57)}...` : value}"`;
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'a map';
  return `${String(value)} (${typeof value})`;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

/** What was expected, in words, for a schema issue. */
export function expectation(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      // A schema's own message (such as the shape of a relation type's impact) says it best.
      if (!issue.message.startsWith('Invalid')) return issue.message;
      return `expected ${issue.expected === 'array' ? 'a list' : issue.expected === 'object' ? 'a map' : `a ${issue.expected}`}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map(String).join(', ')}`;
    case 'invalid_format':
      // A schema's own message (such as "expected a date written YYYY-MM-DD") says it best.
      if (!issue.message.startsWith('Invalid')) return issue.message;
      return issue.format === 'regex' && 'pattern' in issue
        ? `expected text matching ${String(issue.pattern)}`
        : `expected a ${issue.format}`;
    case 'invalid_union':
      return 'expected an id or a list of ids (or maps with an id)';
    default:
      return issue.message;
  }
}

/** Context for turning schema issues into diagnostics located in a YAML file. */
export type IssueContext = {
  readonly source: YamlSource;
  /** The YAML node the validated value came from. */
  readonly node: unknown;
  /** The validated value. */
  readonly value: unknown;
  /** How to name the thing in messages, such as `IF-021 (Interface)` or `tracery.yaml`. */
  readonly subject: string;
  readonly elementId?: string;
  /** Known keys, for "did you mean" on unknown keys. */
  readonly knownKeys?: (path: readonly PropertyKey[]) => Iterable<string>;
  /** The code for an unknown key. */
  readonly unknownKeyCode?: string;
};

/** Turns one zod issue into diagnostics (an unrecognized-keys issue gives one per key). */
export function schemaIssueDiagnostics(issue: z.core.$ZodIssue, context: IssueContext): Diagnostic[] {
  const base = context.elementId === undefined ? {} : { elementId: context.elementId };
  const parent = nodeAtPath(context.node, issue.path);
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      ...base,
      code: context.unknownKeyCode ?? 'unknown-field',
      severity: 'error' as const,
      message: `unknown field "${key}" in ${context.subject}${didYouMeanSuffix(key, context.knownKeys?.(issue.path) ?? [])}`,
      source: positionOf(context.source, keyNode(parent, key) ?? parent),
    }));
  }
  const field = issue.path.length > 0 ? issue.path.map(String).join('.') : 'the value';
  const actual = valueAt(context.value, issue.path);
  if (actual === undefined && issue.code === 'invalid_type') {
    return [
      {
        ...base,
        code: 'missing-field',
        severity: 'error',
        message: `${context.subject} has no "${field}"; add it (${expectation(issue)}).`,
        source: positionOf(context.source, parent),
      },
    ];
  }
  const enumGuess =
    issue.code === 'invalid_value' && typeof actual === 'string'
      ? didYouMeanSuffix(actual, issue.values.map(String)).replace(/^; (.*)\?$/, ' ($1)')
      : '';
  const quoteHint =
    issue.code === 'invalid_type' &&
    issue.expected === 'string' &&
    (typeof actual === 'number' || typeof actual === 'boolean')
      ? ` (YAML read it as a ${typeof actual}: put it in quotes, "${String(actual)}")`
      : '';
  return [
    {
      ...base,
      code: 'invalid-value',
      severity: 'error',
      message: `"${field}" of ${context.subject} is ${describeValue(actual)}; ${expectation(issue)}${enumGuess}${quoteHint}.`,
      source: positionOf(context.source, parent),
    },
  ];
}
