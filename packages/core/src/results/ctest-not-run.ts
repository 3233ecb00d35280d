import { attr, type XmlNode } from './junit-xml.js';

/**
 * CTest writes every test it did not run as `status="notrun"` with a `<skipped message>`: a skip the
 * test asked for (`SKIP_RETURN_CODE=77`, `SKIP_REGULAR_EXPRESSION_MATCHED`), or a test that could not
 * start (`Unable to find executable`, `Required Files Missing`, `Fixture dependency failed`), which
 * CTest itself lists under "The following tests FAILED" as "Not Run". True for the second kind, which
 * Tracery reads as an error: a broken build is not a deliberate skip.
 */
export function ctestCouldNotRun(testcase: XmlNode, message: string | undefined): boolean {
  return attr(testcase, 'status') === 'notrun' && message !== undefined && !message.startsWith('SKIP_');
}
