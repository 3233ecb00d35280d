/**
 * `@tracery/core/escape`: text made safe for a terminal, in a module that imports nothing else of
 * core, so that a command line can print its help or version without paying for the whole library's
 * import (issue 17: start-up time). The same function is exported by `@tracery/core/render`.
 *
 * @example
 * escapeControlCharacters('a\u001b[2Jb') // 'a\\x1b[2Jb'
 *
 * @packageDocumentation
 */
export { escapeControlCharacters } from './report/escape-control-characters.js';
