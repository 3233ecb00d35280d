import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The bytes of a fixture under test/fixtures/, as a file on disk would give them. */
export function fixtureBytes(path: string): Uint8Array {
  return readFileSync(fileURLToPath(new URL(`./fixtures/${path}`, import.meta.url)));
}
