import { elementFile, elementHref } from '@tracery/site';
import { describe, expect, test } from 'vitest';

describe('element page addresses', () => {
  test.each([
    ['IF-021', 'IF-021.html'],
    ['BP003B-02', 'BP003B-02.html'],
    ['a/b', 'a~2f~b.html'],
    ['../../etc/passwd', '~2e~~2e~~2f~~2e~~2e~~2f~etc~2f~passwd.html'],
    ['javascript:alert(1)', 'javascript~3a~alert~28~1~29~.html'],
    ['', '~.html'],
  ])('the page of %j is the file %j, which never needs URL encoding', (id, file) => {
    expect(elementFile(id)).toBe(file);
    expect(encodeURIComponent(elementFile(id))).toBe(elementFile(id));
  });

  test('two different ids never share a page', () => {
    const ids = ['a/b', 'a~2f~b', 'a_b', 'a-b', 'a.b', 'a b', 'A B'];
    expect(new Set(ids.map(elementFile)).size).toBe(ids.length);
  });

  test('links are relative to the page that holds them', () => {
    expect(elementHref('IF-021', '')).toBe('e/IF-021.html');
    expect(elementHref('IF-021', '../')).toBe('../e/IF-021.html');
  });
});
