import type { SourceRef } from '@tracery/core';
import type { LineIndex } from './line-index.js';
import { nextOccurrence } from './next-occurrence.js';
import { attributeValue, emptyStartTag, readStartTag, type StartTag } from './read-start-tag.js';
import { decodeXmlReferences } from './xml-text.js';

/**
 * The start-tag position of the first element with each id, in document order, as a `Map`. The scan
 * leaves out stretches of the file it has checked and found to hold nothing but ids that no one may ask
 * for (the diagram interchange: `bpmndi:BPMNDiagram`, half the ids of a typical file), and marks them
 * with {@link PositionIndex.defer}; the first question the index cannot answer without them (an id it
 * lacks, its size, a walk over it) indexes them, in order. A stretch is deferred only while every id
 * indexed after it would come after its ids in document order too, so the answers and the order are
 * those of an index built in one go.
 */
export class PositionIndex extends Map<string, SourceRef> {
  readonly #text: string;
  readonly #lines: LineIndex;
  /** Start and end offsets of the stretches not indexed yet, in document order. */
  readonly #deferred: number[] = [];
  /**
   * False when no two elements share an id (outside the diagram interchange, whose ids come after and
   * are never the first): then the position of each id is that of the one raw element that has it.
   */
  idsRepeat = false;

  constructor(text: string, lines: LineIndex) {
    super();
    this.#text = text;
    this.#lines = lines;
  }

  /** Leaves the ids of the well-formed stretch from `start` to `end` to be indexed when first needed. */
  defer(start: number, end: number): void {
    if (end > start) this.#deferred.push(start, end);
  }

  /** Indexes the deferred stretches now (the scan does so before it indexes an id that follows them). */
  complete(): void {
    const deferred = this.#deferred;
    if (deferred.length === 0) return;
    const tag = emptyStartTag();
    const marks = { lt: nextOccurrence(this.#text, '<'), amp: nextOccurrence(this.#text, '&') };
    for (let k = 0; k < deferred.length; k += 2)
      this.#indexStretch(deferred[k] as number, deferred[k + 1] as number, tag, marks);
    deferred.length = 0;
  }

  override get(id: string): SourceRef | undefined {
    const found = super.get(id);
    if (found !== undefined || this.#deferred.length === 0) return found;
    this.complete();
    return super.get(id);
  }

  override has(id: string): boolean {
    const found = super.has(id);
    if (found || this.#deferred.length === 0) return found;
    this.complete();
    return super.has(id);
  }

  override get size(): number {
    this.complete();
    return super.size;
  }

  override forEach(
    callback: (value: SourceRef, key: string, map: Map<string, SourceRef>) => void,
    thisArg?: unknown,
  ): void {
    this.complete();
    super.forEach(callback, thisArg);
  }

  override keys(): MapIterator<string> {
    this.complete();
    return super.keys();
  }

  override values(): MapIterator<SourceRef> {
    this.complete();
    return super.values();
  }

  override entries(): MapIterator<[string, SourceRef]> {
    this.complete();
    return super.entries();
  }

  override [Symbol.iterator](): MapIterator<[string, SourceRef]> {
    return this.entries();
  }

  /** Indexes the id of each start tag from `start` to `end`, a stretch the scan found well-formed. */
  #indexStretch(start: number, end: number, tag: StartTag, marks: Parameters<typeof readStartTag>[3]): void {
    const text = this.#text;
    let i = start;
    for (let lt = text.indexOf('<', i); lt !== -1 && lt < end; lt = text.indexOf('<', i)) {
      const next = text.charCodeAt(lt + 1);
      // Well-formed: a `<` in character data opens markup; comments, CDATA and instructions are skipped whole.
      if (next === 33)
        i = text.startsWith('<!--', lt) ? text.indexOf('-->', lt + 4) + 3 : text.indexOf(']]>', lt + 9) + 3;
      else if (next === 63) i = text.indexOf('?>', lt + 2) + 2;
      else if (next === 47) i = text.indexOf('>', lt + 2) + 1;
      else {
        readStartTag(text, lt, tag, marks);
        const raw = attributeValue(text, tag, 'id');
        const id = raw === undefined ? undefined : decodeXmlReferences(raw);
        if (id !== undefined && !super.has(id)) super.set(id, this.#lines.sourceAt(lt));
        i = tag.end;
      }
    }
  }
}
