import { findMarkupDeclaration } from '@tracery/core/advanced';
import { describe, expect, test } from 'vitest';

describe('findMarkupDeclaration: the one DOCTYPE guard (JUnit, BPMN, ReqIF)', () => {
  test.each([
    [
      'a DOCTYPE after the XML declaration',
      '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "b">]><x/>',
      22,
      'DOCTYPE',
    ],
    [
      'a DOCTYPE after a comment and a processing instruction',
      '<!-- c --><?pi x?>\n<!DOCTYPE x><x/>',
      19,
      'DOCTYPE',
    ],
    ['an entity declared without a DOCTYPE', '<!ENTITY x "y"><testsuite/>', 0, 'ENTITY'],
    ['a lower-case doctype (HTML style)', '<!doctype html><x/>', 0, 'DOCTYPE'],
  ])('%s is found in the prolog', (_what, text, offset, keyword) => {
    expect(findMarkupDeclaration(text)).toEqual({ offset, keyword, inProlog: true });
  });

  test.each([
    ['CDATA', '<x><![CDATA[<!DOCTYPE html><html></html>]]></x>'],
    ['a comment', '<x><!-- <!DOCTYPE x [<!ENTITY a "b">]> --></x>'],
    ['a comment in the prolog', '<!-- <!DOCTYPE x> -->\n<x/>'],
    ['a processing instruction', '<?note <!DOCTYPE x>?><x/>'],
    ['a quoted attribute value', '<x a="<!DOCTYPE x>" b=\'<!ENTITY y "z">\'/>'],
    ['escaped text', '<x>&lt;!DOCTYPE html&gt;</x>'],
  ])('text inside %s is not a declaration', (_where, text) => {
    expect(findMarkupDeclaration(text)).toBeUndefined();
  });

  test('a declaration inside the root element is found, marked as outside the prolog (not well-formed XML)', () => {
    const text = '<testsuite><!DOCTYPE x [<!ENTITY a "b">]><testcase/></testsuite>';
    expect(findMarkupDeclaration(text)).toEqual({ offset: 11, keyword: 'DOCTYPE', inProlog: false });
    expect(findMarkupDeclaration('<a/><!DOCTYPE x>')).toMatchObject({ offset: 4, inProlog: false });
  });

  test('an unterminated comment or CDATA ends the scan (the syntax check reports it)', () => {
    expect(findMarkupDeclaration('<x><![CDATA[ <!DOCTYPE x>')).toBeUndefined();
    expect(findMarkupDeclaration('<x><!-- <!DOCTYPE x>')).toBeUndefined();
  });
});
