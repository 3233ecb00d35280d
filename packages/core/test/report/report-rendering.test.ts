import { csvField, escapeHtml, htmlPage, markdownTable, textTable, toCsv } from '@tracery/core/render';
import { describe, expect, test } from 'vitest';

describe('report renderings', () => {
  test('markdownTable escapes pipes and line breaks so a cell cannot break its row', () => {
    expect(markdownTable(['id', 'name'], [['IF-021', 'a | b\nc']], ['left', 'right'])).toBe(
      '| id | name |\n| --- | ---: |\n| IF-021 | a \\| b<br>c |\n',
    );
  });

  test.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['=SUM(A1)', "'=SUM(A1)"],
    ['-1', "'-1"],
    [['a', 'b'], 'a;b'],
    [undefined, ''],
  ])('csvField(%j) is %s', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  test('toCsv writes a header and CRLF rows', () => {
    expect(toCsv(['id', 'n'], [['IF-021', 3]])).toBe('id,n\r\nIF-021,3\r\n');
  });

  test('escapeHtml and htmlPage make a self-contained page that cannot be broken out of', () => {
    expect(escapeHtml(`<script>"x" & 'y'</script>`)).toBe(
      '&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;',
    );
    const page = htmlPage('A <b> report', '<p>body</p>');
    expect(page).toContain('<title>A &lt;b&gt; report</title>');
    expect(page).not.toMatch(/<link|<script|src=|href="http/);
  });

  test('textTable aligns columns and right-aligns numbers', () => {
    expect(
      textTable(
        ['kind', 'count'],
        [
          ['Interface', 40],
          ['Role', 7],
        ],
        [1],
      ),
    ).toBe('kind       count\n---------  -----\nInterface     40\nRole           7');
  });
});
