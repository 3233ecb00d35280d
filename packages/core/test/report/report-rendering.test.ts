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
    ['line\nbreak', '"line\nbreak"'],
    ['=SUM(A1)', '=SUM(A1)'],
    ['-1', '-1'],
    [-2.5, '-2.5'],
    ['+44 20', '+44 20'],
    [['a', 'b'], 'a;b'],
    [[], ''],
    ['', '""'],
    [undefined, ''],
    [null, ''],
  ])('csvField(%j) is %s: values as they are, for any reader', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  test.each([
    ['=SUM(A1)', "'=SUM(A1)"],
    ['@cmd', "'@cmd"],
    ['-2+3+cmd|calc', "'-2+3+cmd|calc"],
    ['+44 20 7946 0000', "'+44 20 7946 0000"],
    ['\tindent', "'\tindent"],
    ['=HYPERLINK("x", "y")', `"'=HYPERLINK(""x"", ""y"")"`],
    ['-1', '-1'],
    ['-0.25', '-0.25'],
    ['+3', '+3'],
    ['1e-5', '1e-5'],
    ['plain', 'plain'],
  ])('csvField(%j, spreadsheetSafe) is %s: formulas made text, numbers kept', (value, expected) => {
    expect(csvField(value, { spreadsheetSafe: true })).toBe(expected);
  });

  test('toCsv writes a header and CRLF rows', () => {
    expect(toCsv(['id', 'n'], [['IF-021', 3]])).toBe('id,n\r\nIF-021,3\r\n');
  });

  test('a negative number, an empty text and no value round trip through toCsv as an RFC 4180 reader reads them', () => {
    const rows = [
      ['IF-021', -1, '-0.5', ''],
      ['IF-022', '+7', undefined, 'say "hi", twice\nand again'],
    ];
    const read = readCsv(toCsv(['id', 'delta', 'ratio', 'note'], rows));
    expect(read).toEqual([
      ['id', 'delta', 'ratio', 'note'],
      ['IF-021', '-1', '-0.5', ''],
      ['IF-022', '+7', undefined, 'say "hi", twice\nand again'],
    ]);
    expect(Number(read[1]?.[1])).toBe(-1);
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

  test('textTable renders 300,000 rows (a column width is not found by spreading every row into Math.max)', () => {
    const rows = Array.from({ length: 300_000 }, (_, i) => [`E-${i}`, i]);
    const lines = textTable(['id', 'n'], rows, [1]).split('\n');

    expect(lines).toHaveLength(300_002);
    // The widest id is E-299999 (8 characters), the widest number 299999 (6): every line is 8 + 2 + 6.
    expect(lines[1]).toBe(`${'-'.repeat(8)}  ${'-'.repeat(6)}`);
    expect(lines[2]).toBe(`E-0${' '.repeat(5)}       0`);
    expect(lines.at(-1)).toBe('E-299999  299999');
  });
});

/**
 * A small RFC 4180 reader for the round trip: a quoted field is a text (`""` the empty text), an
 * empty unquoted field is no value (undefined), as neo4j-admin reads them.
 */
function readCsv(text: string): (string | undefined)[][] {
  const rows: (string | undefined)[][] = [];
  let row: (string | undefined)[] = [];
  let i = 0;
  while (i < text.length) {
    let value: string | undefined;
    if (text[i] === '"') {
      value = '';
      i++;
      for (;;) {
        const close = text.indexOf('"', i);
        value += text.slice(i, close);
        i = close + 1;
        if (text[i] !== '"') break;
        value += '"';
        i++;
      }
    } else {
      const end = text.slice(i).search(/,|\r\n/);
      const raw = text.slice(i, i + end);
      value = raw === '' ? undefined : raw;
      i += end;
    }
    row.push(value);
    if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else i++;
  }
  return rows;
}
