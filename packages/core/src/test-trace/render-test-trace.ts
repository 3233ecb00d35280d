import { InvalidArgumentError } from '../errors/tracery-error.js';
import { renderTestTraceCsv } from './test-trace-csv.js';
import { renderTestTraceHtml } from './test-trace-html.js';
import { renderTestTraceMarkdown } from './test-trace-markdown.js';
import type { TestTraceReport } from './test-trace-report.js';
import { renderTestTraceText } from './test-trace-text.js';

/** The formats the test-trace report renders to. */
export const TEST_TRACE_FORMATS = ['text', 'md', 'csv', 'json', 'html'] as const;
export type TestTraceFormat = (typeof TEST_TRACE_FORMATS)[number];

/**
 * Renders the test-trace report in one of {@link TEST_TRACE_FORMATS}; `json` is the report data itself.
 *
 * @example
 * renderTestTrace(report, 'md')
 */
export function renderTestTrace(report: TestTraceReport, format: TestTraceFormat): string {
  switch (format) {
    case 'text':
      return renderTestTraceText(report);
    case 'md':
      return renderTestTraceMarkdown(report);
    case 'csv':
      return renderTestTraceCsv(report);
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'html':
      return renderTestTraceHtml(report);
    default:
      throw new InvalidArgumentError(
        `format: unknown format "${format as string}"; use one of ${TEST_TRACE_FORMATS.join(', ')}.`,
      );
  }
}
