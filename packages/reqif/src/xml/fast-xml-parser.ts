import { createRequire } from 'node:module';
import type * as FastXmlParser from 'fast-xml-parser';

let loaded: typeof FastXmlParser | undefined;

/**
 * fast-xml-parser, loaded when a ReqIF file is first read or written, from its CommonJS build: one
 * file, where its ES build is some thirty modules for the ES module loader to resolve and compile on
 * every import of this package (issue 17: start-up time; core loads it the same way). Both builds are
 * the same code.
 */
export function fastXmlParser(): typeof FastXmlParser {
  loaded ??= createRequire(import.meta.url)('fast-xml-parser') as typeof FastXmlParser;
  return loaded;
}
