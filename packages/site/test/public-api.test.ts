import * as site from '@tracery/site';
import { expect, test } from 'vitest';

// The public surface, pinned: an accidental export shows up here as a diff.
test('the public API of @tracery/site', () => {
  expect(Object.keys(site).sort()).toMatchInlineSnapshot(`
    [
      "TEXT_VIEW_NAMES",
      "buildSite",
      "collectSiteData",
      "elementFile",
      "elementHref",
      "markdownText",
      "mermaidLabel",
      "renderTextView",
      "serveRepository",
      "serveSite",
    ]
  `);
});
