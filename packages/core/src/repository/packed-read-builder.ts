import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { AttributeValue, Element } from '../model/element.js';
import { NONE, type PackedModelFileRead, POSITION_INTS, RELATION_INTS } from './packed-layout.js';

/**
 * Builds a {@link PackedModelFileRead} one element and one relation at a time: the one place the
 * packed layout is written, whether from drafts ({@link packModelFileRead}) or straight from a scan
 * (a worker thread then makes no draft objects). Strings are interned in the order they are given.
 */
export class PackedReadBuilder {
  private readonly elements: Element[] = [];
  private origins = new Int32Array(256);
  private readonly strings: string[] = [];
  private readonly index = new Map<string, number>();
  private ints = new Int32Array(1024);
  private relationCount = 0;
  private readonly extras: unknown[] = [];

  /** The index of a string in the table, added when new; NONE for undefined. */
  private intern(text: string | undefined): number {
    if (text === undefined) return NONE;
    let at = this.index.get(text);
    if (at === undefined) {
      at = this.strings.push(text) - 1;
      this.index.set(text, at);
    }
    return at;
  }

  /** Adds an element and where it is (line, column, end line, end column; NONE for no end). */
  element(element: Element, line: number, column: number, endLine: number, endColumn: number): void {
    const o = this.elements.length * POSITION_INTS;
    if (o + POSITION_INTS > this.origins.length) this.origins = grown(this.origins);
    const ints = this.origins;
    ints[o] = line;
    ints[o + 1] = column;
    ints[o + 2] = endLine;
    ints[o + 3] = endColumn;
    this.elements.push(element);
  }

  /** Adds a relation: its names, ends and attributes, where it is written, and its ends' positions. */
  relation(
    type: string,
    source: string,
    target: string,
    writtenBy: string | undefined,
    writtenAs: string | undefined,
    attributes: Readonly<Record<string, AttributeValue>>,
    endOrigins: unknown,
  ): number {
    const o = this.relationCount * RELATION_INTS;
    if (o + RELATION_INTS > this.ints.length) this.ints = grown(this.ints);
    const ints = this.ints;
    ints[o] = this.intern(type);
    ints[o + 1] = this.intern(source);
    ints[o + 2] = this.intern(target);
    ints[o + 3] = this.intern(writtenBy);
    ints[o + 4] = this.intern(writtenAs);
    ints[o + 5] = isEmpty(attributes) ? NONE : this.extras.push(attributes) - 1;
    ints[o + 6] = endOrigins === undefined ? NONE : this.extras.push(endOrigins) - 1;
    this.relationCount++;
    return o + 7;
  }

  /** Sets the position of the relation whose position starts at `at` (what {@link relation} returned). */
  relationAt(at: number, line: number, column: number, endLine: number, endColumn: number): void {
    const ints = this.ints;
    ints[at] = line;
    ints[at + 1] = column;
    ints[at + 2] = endLine;
    ints[at + 3] = endColumn;
  }

  /** The packed read of `file`. */
  finish(
    file: string,
    diagnostics: PackedModelFileRead['diagnostics'],
    brokenIds: string[],
    readDiagnostics: Diagnostic[],
  ): PackedModelFileRead {
    return {
      file,
      diagnostics,
      read: {
        elements: this.elements,
        elementOrigins: this.origins.slice(0, this.elements.length * POSITION_INTS),
        strings: this.strings,
        relations: this.ints.slice(0, this.relationCount * RELATION_INTS),
        extras: this.extras,
        brokenIds,
        diagnostics: readDiagnostics,
      },
    };
  }
}

function grown(ints: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const more = new Int32Array(ints.length * 2);
  more.set(ints);
  return more;
}

function isEmpty(attributes: object): boolean {
  for (const _ in attributes) return false;
  return true;
}
