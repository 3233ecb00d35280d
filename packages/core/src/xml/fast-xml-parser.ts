import { createRequire } from 'node:module';
import type * as FastXmlParser from 'fast-xml-parser';

let loaded: typeof FastXmlParser | undefined;

/**
 * fast-xml-parser, loaded when XML is first read or written (JUnit results, JUnit findings), from its
 * CommonJS build: one file, read in about 6 ms, where its ES build is 38 modules that took about 37 ms
 * through the ES module loader on every import of core, whether or not the run touched XML (issue 17:
 * start-up time). Both builds are the same code; only core's own modules use what it returns.
 */
export function fastXmlParser(): typeof FastXmlParser {
  loaded ??= createRequire(import.meta.url)('fast-xml-parser') as typeof FastXmlParser;
  return loaded;
}
