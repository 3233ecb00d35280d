import type { Element } from '../model/element.js';
import type { ElementRows } from '../model/element-columns.js';
import { RecordReader } from './snapshot-record-reader.js';
import { statusOffset } from './snapshot-records.js';

/**
 * The next `count` records, elements, as rows (see `Model.restore`): their ids, kinds and statuses read
 * in place, each checked as reading it would check it, and each element made from its record only when
 * the model first reads it. No element object and no name is made here: a cached load that only asks
 * for coverage makes none. Undefined (and the reader where it was) when a record is not shaped so that
 * its columns can be read in place: the caller then reads the elements whole.
 */
export function elementRows(reader: RecordReader, count: number): ElementRows | undefined {
  const { ints, strings, shapes } = reader;
  const start = reader.at;
  const offsets = new Int32Array(count);
  const ids: string[] = new Array(count);
  const kinds = new Int32Array(count);
  // By string number, each kind's number + 1 (0: not seen yet): an array read, not a map look-up per element.
  const kindNumbers = new Int32Array(strings.length);
  const kindNames: string[] = [];
  const statuses = new Map<number, string>();
  const plans: (number | undefined)[] = [];
  for (let e = 0; e < count; e++) {
    const at = reader.at;
    offsets[e] = at;
    reader.skip();
    const shape = ints[at]!;
    const status = plans[shape] ?? statusOffset(shapes[shape]!);
    if (status === undefined) {
      reader.at = start;
      return undefined;
    }
    plans[shape] = status;
    ids[e] = strings.at(ints[at + 1]!)!;
    const kind = ints[at + 2]!;
    let k = kindNumbers[kind]! - 1;
    if (!(k >= 0)) {
      k = kindNames.push(strings.at(kind)!) - 1;
      kindNumbers[kind] = k + 1;
    }
    kinds[e] = k;
    if (status > 0) statuses.set(e, strings.at(ints[at + status]!)!);
  }
  // Its own reader, over the same sections (views of the snapshot's file, which the model keeps).
  const own = new RecordReader(ints, strings, reader.numbers, shapes);
  const make = (e: number): Element => {
    own.at = offsets[e]!;
    return own.record() as Element;
  };
  return { ids, kinds, kindNames, statuses, make };
}
