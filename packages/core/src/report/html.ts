import { escapeControlCharacters } from './escape-control-characters.js';

/**
 * Escapes text for HTML element content and attribute values. Control characters (ESC, BEL, NUL, C1,
 * bidi overrides ...) are shown as escapes such as `\x1b` (HTML cannot hold most of them, and a page
 * must not carry what a terminal would act on when the page is printed or copied).
 *
 * @example
 * escapeHtml('<a & "b">') // '&lt;a &amp; &quot;b&quot;&gt;'
 * escapeHtml('a\u001bb') // 'a\\x1bb'
 */
export function escapeHtml(value: unknown): string {
  return escapeControlCharacters(String(value ?? ''))
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** The CSS every Tracery HTML report shares: readable tables, status colours, print-friendly. */
export const REPORT_CSS = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem;color:#1b1f24;max-width:1200px}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #d0d7de}
.meta{color:#57606a;margin-top:0}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}
th,td{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
tr:nth-child(even) td{background:#fbfcfd}
.ok{color:#1a7f37;font-weight:600}.bad{color:#cf222e;font-weight:600}.warn{color:#9a6700;font-weight:600}.muted{color:#57606a}
code{font:12px ui-monospace,SFMono-Regular,Menlo,monospace;background:#f6f8fa;padding:0 .2rem;border-radius:3px}
@media print{body{margin:0}a{color:inherit}}
`;

/**
 * Wraps a report body in a complete, self-contained HTML page (inline CSS, no external assets).
 *
 * @example
 * htmlPage('Test trace', '<p>hello</p>')
 */
export function htmlPage(title: string, body: string): string {
  return `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${escapeHtml(title)}</title>\n<style>${REPORT_CSS}</style>\n</head>\n<body>\n${body}\n</body>\n</html>\n`;
}
