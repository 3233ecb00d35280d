import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';

// `tracery import reqif` and `tracery export reqif` import this package. Each of these is loaded when a
// run first needs it, not at the package's import (issue 17: start-up time): yaml (some seventy
// CommonJS files; only writing a model file or an id map, or reading an id map back, needs it, and core
// bundles its own copy), turndown (it brings domino, a DOM of some fifty modules, for XHTML values read
// on import) and fast-xml-parser (loaded from its one-file CommonJS build when a file is read or
// written). A static value import of one of them here would put it back into every start.

const SRC = join(import.meta.dirname, '..', 'src');
const LAZY = ['yaml', 'turndown', 'fast-xml-parser'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

/** Whether `text` imports the package `name` as a value (`import type` aside). */
const importsValue = (text: string, name: string) =>
  new RegExp(`^import\\s+(?!type\\s)[^;]*?\\sfrom\\s+'${name}'`, 'm').test(text);

describe("the ReqIF package's start", () => {
  test.each(LAZY)('imports %s as types only; the value is loaded when a run needs it', (name) => {
    const valueImports = sourceFiles(SRC).filter((file) => importsValue(readFileSync(file, 'utf8'), name));
    expect(valueImports.map((file) => relative(SRC, file))).toEqual([]);
  });

  test('the check sees a value import, and not a type-only one', () => {
    expect(importsValue("import { parse, stringify } from 'yaml';\n", 'yaml')).toBe(true);
    expect(importsValue("import TurndownService from 'turndown';\n", 'turndown')).toBe(true);
    expect(importsValue("import type * as Yaml from 'yaml';\n", 'yaml')).toBe(false);
    expect(importsValue("import type TurndownService from 'turndown';\n", 'turndown')).toBe(false);
  });
});
