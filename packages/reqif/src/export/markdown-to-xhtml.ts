/**
 * The XHTML of a ReqIF XHTML value for a Markdown description: one `xhtml:p` per paragraph, line breaks
 * as `xhtml:br`, the text escaped (and characters XML 1.0 cannot hold dropped). The Markdown itself is
 * kept as written, so `xhtmlToMarkdown` gives the same text back.
 *
 * @example
 * markdownToXhtml('One.\n\nTwo') // '<xhtml:div><xhtml:p>One.</xhtml:p><xhtml:p>Two</xhtml:p></xhtml:div>'
 */
export function markdownToXhtml(markdown: string): string {
  const paragraphs = markdown
    .trim()
    .split(/\n\s*\n/)
    .map((p) => p.split('\n').map(escapeXml).join('<xhtml:br/>'));
  return `<xhtml:div>${paragraphs.map((p) => `<xhtml:p>${p}</xhtml:p>`).join('')}</xhtml:div>`;
}

/** Text escaped for XML content, without the control characters XML 1.0 forbids. */
export function escapeXml(text: string): string {
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: matching the control characters XML 1.0 forbids is the point.
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
  );
}
