#!/usr/bin/env node
import { escapeControlCharacters } from '@tracery/core/escape';
import { EXIT } from './cli-io.js';
import { runCli } from './program.js';

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // A bug in Tracery: every problem in the user's input is a diagnostic and exit 1 or 2 instead.
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`tracery: internal error: ${escapeControlCharacters(text)}\n`);
    process.exitCode = EXIT.internal;
  },
);
