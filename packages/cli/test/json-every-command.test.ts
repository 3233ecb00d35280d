import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { COMMAND_PAYLOADS } from '../src/payloads/command-payloads.js';
import { PUBLISHED_ENVELOPE_SCHEMA, runCaptured, runJson } from './run-cli.js';

// Every command that takes --json, run with it on the MHHS example: each prints one envelope valid
// against the published schema, whose `command` picks the payload's schema. Commands that write run on
// a copy of the example; `history` reads git, so it runs on the example itself (it writes nothing).
const MHHS = join(import.meta.dirname, '..', '..', 'examples', 'mhhs');
let root: string;
let repo: string;
let out: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'tracery-json-every-'));
  repo = join(root, 'mhhs');
  out = join(root, 'out');
  await cp(MHHS, repo, { recursive: true, filter: (path) => !path.includes(`${join('mhhs', 'out')}`) });
});
afterAll(() => rm(root, { recursive: true, force: true }));

/** `[args, command]`: run in order (the imports read what the exports before them wrote). */
const RUNS: readonly (readonly [readonly string[], string])[] = [
  [['validate'], 'validate'],
  [['stats'], 'stats'],
  [['metamodel'], 'metamodel'],
  [['schema', '--out', 'OUT/schema'], 'schema'],
  [['types', '--out', 'OUT/tracery-types.d.ts'], 'types'],
  [['check'], 'check'],
  [['trace', 'REQ-LSS-001'], 'trace'],
  [['trace', 'REQ-LSS-001', '--to', 'IF-022'], 'trace'],
  [['trace', 'report'], 'trace report'],
  [['impact', 'DI-0023'], 'impact'],
  [['impact', '--cr', 'CR001'], 'impact'],
  [['impact', '--decision', 'DEC-021'], 'impact'],
  [['impact', '--since', 'mhhs-v1'], 'impact'],
  [['diff', 'mhhs-v1'], 'diff'],
  [['baseline', 'create', 'B2'], 'baseline create'],
  [['baseline', 'list'], 'baseline list'],
  [['review'], 'review'],
  [['tracker'], 'tracker'],
  [['export', 'comments', '--out', 'OUT/logs', '--format', 'both'], 'export comments'],
  [['import', 'comments', 'OUT/logs/MHHSP-IF-021.xlsx'], 'import comments'],
  [['export', 'csv', '--kind', 'Requirement', '--out', 'OUT/requirements.csv'], 'export csv'],
  [['export', 'xlsx', '--kind', 'Requirement', '--out', 'OUT/requirements.xlsx'], 'export xlsx'],
  [['import', 'csv', 'OUT/requirements.csv'], 'import csv'],
  [['import', 'xlsx', 'OUT/requirements.xlsx'], 'import xlsx'],
  [['export', 'neo4j', '--csv', 'OUT/neo4j'], 'export neo4j'],
  [['export', 'reqif', '--out', 'OUT/mhhs.reqif'], 'export reqif'],
  [['import', 'reqif', 'OUT/mhhs.reqif', '--name', 'round-trip'], 'import reqif'],
  [['import', 'bpmn', 'REPO/bpmn/bp018-load-shaping-service.bpmn'], 'import bpmn'],
];

const ran = new Set<string>();

describe('every --json output on the example validates against the published schema', () => {
  test.each(RUNS)('%j', async (args, command) => {
    const resolved = args.map((a) => a.replace(/^OUT/, out).replace(/^REPO/, repo));
    const { envelope, code } = await runJson([...resolved, '--repo', repo]);
    expect(envelope.command).toBe(command);
    expect(envelope.repository?.root).toBe(repo);
    // exit 1 is a finding (check, review) or a refusal the command explains; the payload is there either way
    expect(code === 0 || code === 1, JSON.stringify(envelope.diagnostics.slice(-2))).toBe(true);
    expect(envelope.payload).not.toBeNull();
    ran.add(command);
  });

  test('history (read from git) on the example itself', async () => {
    const { envelope, code } = await runJson(['history', 'IF-021', '--repo', MHHS]);
    expect(code).toBe(0);
    expect(envelope.command).toBe('history');
    ran.add('history');
  });

  test('every command with a payload schema ran above, and every command with --json has one', async () => {
    expect([...ran].sort()).toEqual(Object.keys(COMMAND_PAYLOADS).sort());
    const { out: help } = await runCaptured(['--help']);
    const names = [...help.matchAll(/^ {2}([a-z][a-z0-9]*)\b/gm)].map((m) => m[1] ?? '');
    const withJson: string[] = [];
    for (const name of names.filter((n) => n !== 'help')) {
      const own = (await runCaptured([name, '--help'])).out;
      if (own.includes('--json')) withJson.push(name);
      const subs = [...own.matchAll(/^Commands:\n((?: {2}.+\n)+)/gm)].flatMap((m) =>
        [...(m[1] ?? '').matchAll(/^ {2}([a-z][a-z0-9]*)\b/gm)].map((s) => s[1] ?? ''),
      );
      for (const sub of subs.filter((s) => s !== 'help'))
        if ((await runCaptured([name, sub, '--help'])).out.includes('--json'))
          withJson.push(`${name} ${sub}`);
    }
    // `trace report` and `trace` share a command; the others each have their own payload schema
    for (const command of withJson) expect(Object.keys(COMMAND_PAYLOADS)).toContain(command);
  });
});

describe('the schema ties each payload to its command', () => {
  const validate = new Ajv2020({ allErrors: true, strict: false }).compile(PUBLISHED_ENVELOPE_SCHEMA);
  const envelope = (command: string, payload: unknown) => ({
    schemaVersion: 2,
    command,
    ok: true,
    repository: { root: '/r' },
    payload,
    diagnostics: [],
  });

  test('a trace payload under the command impact is refused; under trace it is valid', () => {
    const trace = { id: 'A', direction: 'down', hits: [{ id: 'B', kind: 'K', depth: 1, path: [] }] };
    expect(validate(envelope('trace', trace))).toBe(true);
    expect(validate(envelope('impact', trace))).toBe(false);
  });

  test('a failed run (payload null) is valid for any command', () => {
    expect(validate({ ...envelope('tracker', null), ok: false })).toBe(true);
  });

  test('a payload missing a field its command always gives is refused', () => {
    const stats = { elements: 1, relations: 0, countsByKind: {}, countsByStatus: {}, countsByTranche: {} };
    const full = { ...stats, countsByOwner: {}, countsByRelationType: {} };
    expect(validate(envelope('stats', stats))).toBe(false);
    expect(validate(envelope('stats', { ...full, diagnostics: { error: 0, warning: 0, info: 0 } }))).toBe(
      true,
    );
  });

  test('a path step has one shape: the schema-1 trace step {from, name, to} is refused', () => {
    const hit = (step: object) => ({
      id: 'REQ-1',
      direction: 'down',
      hits: [{ id: 'B', kind: 'K', depth: 1, path: [step] }],
    });
    const step = { from: 'REQ-1', relation: 'satisfies', to: 'B', direction: 'backward' };
    expect(validate(envelope('trace', hit(step)))).toBe(true);
    expect(validate(envelope('trace', hit({ from: 'REQ-1', name: 'satisfiedBy', to: 'B' })))).toBe(false);
    expect(validate(envelope('trace', hit({ ...step, direction: 'up' })))).toBe(false);
  });
});
