import type { Element } from './element.js';

/**
 * What a query over the whole model reads of every element, by element index, without the elements:
 * its id, its kind as a number (`kinds[i]`) into `kindNames`, and its status, for the elements that
 * have one.
 */
export type ElementColumns = {
  readonly ids: readonly string[];
  readonly kinds: Int32Array;
  readonly kindNames: readonly string[];
  readonly statuses: ReadonlyMap<number, string>;
};

/**
 * Elements given to `Model.restore` as their columns and a way to make each (what the whole-load cache
 * holds): element `i` is `make(i)`, asked at most once, when the element is first read; the model
 * freezes it then. Its id, kind and status must be those the columns give.
 */
export type ElementRows = ElementColumns & { readonly make: (i: number) => Element };

/** The columns of a list of elements. */
export function columnsOf(elements: readonly Element[]): ElementColumns {
  const numbers = new Map<string, number>();
  const kindNames: string[] = [];
  const kinds = new Int32Array(elements.length);
  const ids: string[] = [];
  const statuses = new Map<number, string>();
  for (let i = 0; i < elements.length; i++) {
    const element = elements[i]!;
    let k = numbers.get(element.kind);
    if (k === undefined) {
      k = kindNames.push(element.kind) - 1;
      numbers.set(element.kind, k);
    }
    kinds[i] = k;
    ids.push(element.id);
    if (element.status !== undefined) statuses.set(i, element.status);
  }
  return { ids, kinds, kindNames, statuses };
}
