/** @jsxRuntime automatic @jsxImportSource preact */
import { renderToString } from 'preact-render-to-string';
import { visibleControls } from '../render-page.js';

/** What the last rebuild of a served site failed on: when, and the lines that say why. */
export type BuildFailure = { readonly at: string; readonly lines: readonly string[] };

function Banner({ failure, kept }: { failure: BuildFailure; kept: boolean }) {
  return (
    <div class="build-error" role="alert">
      <strong>The last rebuild failed</strong> ({failure.at}).{' '}
      {kept
        ? 'This is the last site that built; fix the files and save to rebuild.'
        : 'Fix the files and save to rebuild.'}
      <pre>{visibleControls(failure.lines.join('\n'))}</pre>
    </div>
  );
}

/**
 * The build-error notice `tracery serve` shows on every page while the last rebuild failed, rendered by
 * Preact so the error text (which quotes the repository's files) is escaped.
 */
export function buildErrorBanner(failure: BuildFailure, kept: boolean): string {
  return renderToString(<Banner failure={failure} kept={kept} />);
}

/** A page with only the notice: what the server answers when no build has succeeded yet. */
export function buildErrorPage(failure: BuildFailure): string {
  return `<!doctype html>\n${renderToString(
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <title>The site did not build</title>
      </head>
      <body>
        <main>
          <h1>The site did not build</h1>
          <Banner failure={failure} kept={false} />
        </main>
      </body>
    </html>,
  )}\n`;
}

/** The page with the notice placed first in its body. */
export function withBanner(html: string, banner: string): string {
  const body = html.indexOf('<body');
  const end = body < 0 ? -1 : html.indexOf('>', body);
  return end < 0 ? `${banner}${html}` : `${html.slice(0, end + 1)}${banner}${html.slice(end + 1)}`;
}
