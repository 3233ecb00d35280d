import { join } from 'node:path';
import ts from 'typescript';

const SRC = join(import.meta.dirname, '..', '..', 'src');

/** The entry points of `@tracery/core`, by subpath, as their source files. */
export const ENTRIES: Readonly<Record<string, string>> = {
  '@tracery/core': join(SRC, 'index.ts'),
  '@tracery/core/schemas': join(SRC, 'schemas.ts'),
  '@tracery/core/render': join(SRC, 'render.ts'),
  '@tracery/core/escape': join(SRC, 'escape.ts'),
  '@tracery/core/advanced': join(SRC, 'advanced.ts'),
  '@tracery/core/testing': join(SRC, 'testing', 'index.ts'),
};

/** One export of an entry point, as the TypeScript compiler sees it. */
export type ApiExport = {
  readonly name: string;
  /** `class`, `function`, `const` (values) or `type` (type aliases and interfaces). */
  readonly what: 'class' | 'function' | 'const' | 'type';
  readonly declaration: ts.Declaration | undefined;
};

let program: ts.Program | undefined;

function compiled(): ts.Program {
  program ??= ts.createProgram(Object.values(ENTRIES), {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: ['node'],
  });
  return program;
}

function whatOf(symbol: ts.Symbol): ApiExport['what'] {
  const f = symbol.flags;
  if (f & ts.SymbolFlags.Class) return 'class';
  if (f & ts.SymbolFlags.Function) return 'function';
  if (f & ts.SymbolFlags.Value) return 'const';
  return 'type';
}

/** Every export of an entry point (values and types), sorted by name with a plain `<`. */
export function apiExports(entry: string): ApiExport[] {
  const p = compiled();
  const checker = p.getTypeChecker();
  const file = p.getSourceFile(entry);
  const module = file && checker.getSymbolAtLocation(file);
  if (!module) throw new Error(`${entry}: not a module the compiler could read`);
  return checker
    .getExportsOfModule(module)
    .map((symbol) => {
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      return { name: symbol.name, what: whatOf(target), declaration: target.declarations?.[0] };
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The TSDoc tags and summary of a declaration (for a `const`, of its variable statement). */
export function docOf(declaration: ts.Declaration | undefined): { summary: string; tags: string[] } {
  if (!declaration) return { summary: '', tags: [] };
  const docs = ts.getJSDocCommentsAndTags(declaration).filter(ts.isJSDoc);
  const summary = docs.map((d) => ts.getTextOfJSDocComment(d.comment) ?? '').join('\n');
  const tags = docs.flatMap((d) => (d.tags ?? []).map((t) => t.tagName.text));
  return { summary, tags };
}
