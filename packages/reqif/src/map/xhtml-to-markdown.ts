import { createRequire } from 'node:module';
import type TurndownService from 'turndown';

/**
 * The converter, made on first use: turndown brings a DOM (domino, some fifty modules) that only an
 * import of XHTML values needs, and this package is also imported to export (issue 17: start-up time).
 */
let service: TurndownService | undefined;

/**
 * Markdown for a ReqIF XHTML value (`<xhtml:div>...</xhtml:div>`): namespace prefixes dropped, paragraphs,
 * lists, emphasis, links and tables kept as Markdown. Text is not escaped, so prose written with `*` or
 * `_` reads back as written and an export -> import round trip gives the same description.
 *
 * @example
 * xhtmlToMarkdown('<xhtml:div><xhtml:p>The <xhtml:b>DIP</xhtml:b> routes it.</xhtml:p></xhtml:div>') // 'The **DIP** routes it.'
 */
export function xhtmlToMarkdown(xhtml: string): string {
  service ??= createService();
  const html = xhtml.replace(/<(\/?)[A-Za-z][\w.-]*:/g, '<$1').replace(/\s+xmlns(:[\w.-]+)?="[^"]*"/g, '');
  return service.turndown(html).trim();
}

function createService(): TurndownService {
  const Turndown = createRequire(import.meta.url)('turndown') as typeof TurndownService;
  const turndown = new Turndown({
    headingStyle: 'atx',
    bulletListMarker: '-',
    br: '',
    codeBlockStyle: 'fenced',
  });
  turndown.escape = (text: string) => text;
  // Objects embedded in DOORS text (OLE pictures) have no Markdown form: keep their name.
  turndown.addRule('object', {
    filter: ['object'],
    replacement: (_content, node) => {
      const name = (node as { getAttribute?: (n: string) => string | null }).getAttribute?.('name') ?? '';
      return name ? `[object: ${name}]` : '';
    },
  });
  return turndown;
}
