import { escapeControlCharacters } from '@tracery/core/render';
import { describe, expect, test } from 'vitest';

describe('escapeControlCharacters', () => {
  test.each([
    ['\u001b[2J', '\\x1b[2J'],
    ['title\u001b]0;pwned\u0007', 'title\\x1b]0;pwned\\x07'],
    ['nul\u0000', 'nul\\x00'],
    ['c1 \u009b31m', 'c1 \\x9b31m'],
    ['car\rriage', 'car\\x0driage'],
    ['abc\u202edef', 'abc\\u202edef'],
    ['tabs\tand\nlines stay', 'tabs\tand\nlines stay'],
    ['plain', 'plain'],
  ])('%j is shown as %j', (text, shown) => {
    expect(escapeControlCharacters(text)).toBe(shown);
  });
});
