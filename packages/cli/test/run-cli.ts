import { readFileSync } from 'node:fs';
import { type CliIo, type JsonEnvelope, runCli } from '@tracery/cli';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { expect } from 'vitest';

/** Runs the CLI in-process and returns its exit code and what it printed. */
export async function runCaptured(
  args: readonly string[],
  options: { fancy?: boolean } = {},
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (t) => (out += t.endsWith('\n') ? t : `${t}\n`),
    err: (t) => (err += t.endsWith('\n') ? t : `${t}\n`),
    fancy: options.fancy ?? false,
  };
  const code = await runCli(args, io);
  return { code, out, err };
}

/** The published schema of the `--json` envelope (packages/cli/schema/output.schema.json). */
export const PUBLISHED_ENVELOPE_SCHEMA = JSON.parse(
  readFileSync(new URL('../schema/output.schema.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

const validateEnvelope = new Ajv2020({ allErrors: true, strict: false }).compile(PUBLISHED_ENVELOPE_SCHEMA);

/**
 * Runs a command with `--json` (added when missing) and returns its exit code and its envelope, after
 * checking that standard output holds exactly one envelope valid against the published schema, for
 * the command that ran.
 */
export async function runJson(
  args: readonly string[],
): Promise<{ code: number; envelope: JsonEnvelope; err: string }> {
  const withJson = args.includes('--json') || args.includes('json') ? args : [...args, '--json'];
  const { code, out, err } = await runCaptured(withJson);
  const envelope = JSON.parse(out) as JsonEnvelope;
  const valid = validateEnvelope(envelope);
  expect(validateEnvelope.errors ?? [], `${args.join(' ')}: ${out.slice(0, 300)}`).toEqual([]);
  expect(valid).toBe(true);
  return { code, envelope, err };
}

/** The envelope a `--json` run printed, after checking it against the published schema. */
export function envelopeOf(out: string): JsonEnvelope {
  const envelope = JSON.parse(out) as JsonEnvelope;
  validateEnvelope(envelope);
  expect(validateEnvelope.errors ?? [], out.slice(0, 300)).toEqual([]);
  return envelope;
}

/** The payload of the envelope a `--json` run printed (checked against the published schema). */
export function payloadOf(out: string): Record<string, unknown> {
  return envelopeOf(out).payload as Record<string, unknown>;
}
