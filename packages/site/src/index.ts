export { type BuildSiteOptions, type BuiltSite, buildSite } from './build/build-site.js';
export { type CollectOptions, collectSiteData, type SiteData } from './data/site-data.js';
export { elementFile, elementHref } from './href.js';
export type { BuildFailure } from './serve/build-error-banner.js';
export { type LiveSite, type ServeRepositoryOptions, serveRepository } from './serve/serve-repository.js';
export { type ServeOptions, type SiteServer, serveSite } from './serve/serve-site.js';
export { markdownText } from './text-views/markdown-text.js';
export { mermaidLabel } from './text-views/mermaid-text.js';
export { renderTextView, TEXT_VIEW_NAMES, type TextViewFormat } from './text-views/text-views.js';
