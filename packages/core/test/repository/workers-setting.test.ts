import { InvalidArgumentError } from '@tracery/core';
import { describe, expect, test } from 'vitest';
import { WORKERS_MIN_BYTES, workerCount, workersSetting } from '../../src/repository/workers-setting.js';

describe('the workers setting', () => {
  test.each([
    [undefined, undefined, 'auto'],
    [undefined, '', 'auto'],
    [undefined, 'auto', 'auto'],
    [undefined, ' 0 ', 0],
    [undefined, '3', 3],
    [2, '0', 2],
    [0, 'auto', 0],
    ['auto', '1', 'auto'],
  ] as const)('option %j with TRACERY_WORKERS=%j is %j (the option wins)', (option, env, expected) => {
    expect(workersSetting(option, env)).toBe(expected);
  });

  test.each([
    [undefined, 'yes', /TRACERY_WORKERS is "yes"; set it to auto or to a whole number/],
    [undefined, '-1', /TRACERY_WORKERS is "-1"/],
    [-1, undefined, /options\.workers is -1; give 'auto' or a whole number/],
    [1.5, undefined, /options\.workers is 1\.5/],
  ] as const)(
    'option %j with TRACERY_WORKERS=%j is refused, naming what to write',
    (option, env, message) => {
      expect(() => workersSetting(option, env)).toThrow(InvalidArgumentError);
      expect(() => workersSetting(option, env)).toThrow(message);
    },
  );
});

describe('how many workers a load starts', () => {
  const big = WORKERS_MIN_BYTES;
  test.each([
    ['auto: one file, however large, is read in process', 'auto', 1, 10 * big, 2, 0, 0],
    ['auto: under the size threshold, in process', 'auto', 50, big - 1, 2, 0, 0],
    ['auto: at the threshold on an idle machine, one per core', 'auto', 50, big, 2, 0, 2],
    ['auto: with one core idle of two, one per core', 'auto', 50, big, 2, 1, 2],
    ['auto: with no core idle, in process', 'auto', 50, big, 2, 1.2, 0],
    ['auto: on a busy machine, in process', 'auto', 50, 10 * big, 8, 9, 0],
    ['auto: never more than the files', 'auto', 3, big, 8, 0, 3],
    ['a count: that many, whatever the size and the load', 2, 5, 10, 4, 30, 2],
    ['a count: never more than the cores', 8, 50, big, 2, 0, 2],
    ['a count: never more than the files', 4, 1, 10, 4, 0, 1],
    ['0: none', 0, 50, 10 * big, 2, 0, 0],
  ] as const)('%s', (_, setting, files, bytes, cores, load, expected) => {
    expect(workerCount(setting, files, bytes, cores, load)).toBe(expected);
  });

  // The scanner reads a file in the canonical form faster in this thread than workers hand reads over.
  test.each([
    [
      'auto: a first file in the canonical form keeps a large load on an idle machine in process',
      'auto',
      true,
      0,
    ],
    ['auto: a first file the scanner leaves, one per core as before', 'auto', false, 2],
    ['a count: that many, whatever the first file', 2, true, 2],
  ] as const)('%s', (_, setting, firstScanned, expected) => {
    expect(workerCount(setting, 50, 10 * big, 2, 0, firstScanned)).toBe(expected);
  });
});
