import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';

// Every `tracery` command on a repository with diagrams imports this package (openRepository's BPMN
// loader). yaml's Node build is some seventy CommonJS files to resolve, read and compile, and only
// rendering an imported diagram as a model file needs it, so it is loaded then (core bundles its own
// copy). A static value import of yaml here would put it back into every command's start.

const SRC = join(import.meta.dirname, '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

describe("the BPMN package's start", () => {
  test('imports yaml as types only; the value is loaded when a file is rendered', () => {
    const valueImports = sourceFiles(SRC).filter((file) =>
      /^import\s+(?!type\s)[^;]*?\sfrom\s+'yaml'/m.test(readFileSync(file, 'utf8')),
    );
    expect(valueImports.map((file) => relative(SRC, file))).toEqual([]);
  });
});
