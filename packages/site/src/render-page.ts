import { options, type VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

// C0 and C1 control characters other than tab, line feed and carriage return: invalid in HTML text.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** Text with each control character shown as its visible picture (U+0007 as ␇), U+FFFD beyond U+001F. */
export function visibleControls(text: string): string {
  return text.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x20 ? String.fromCharCode(0x2400 + code) : code === 0x7f ? '\u2421' : '\ufffd';
  });
}

function clean(value: unknown): unknown {
  if (typeof value === 'string') return visibleControls(value);
  if (Array.isArray(value)) return value.map(clean);
  return value;
}

// Every string a component gives the renderer (children and attribute values) passes through
// visibleControls on its way in; the renderer then escapes it. Nothing reaches the page unescaped.
const previous = options.vnode;
options.vnode = (vnode) => {
  const props = vnode.props as Record<string, unknown> | undefined;
  if (props && typeof props === 'object')
    for (const key of Object.keys(props))
      if (key !== 'dangerouslySetInnerHTML') props[key] = clean(props[key]);
  previous?.(vnode);
};

/** A page component rendered to a complete HTML document; every piece of text is escaped by the renderer. */
export function renderPage(page: VNode): string {
  return `<!doctype html>\n${renderToString(page)}\n`;
}
