// bpmn-moddle 10 is ESM-only and ships no types for its entry point: this declares the little we use
// (reading here; creating and writing in the examples' diagram generator). The element shapes live in
// parse/moddle-types.ts, which the public API can export. Source files that import bpmn-moddle reference
// this file, so that packages type-checking these sources see it too.
declare module 'bpmn-moddle' {
  /** An element that bpmn-moddle created or read: its properties, and attributes from other namespaces. */
  export interface ModdleObject {
    $type: string;
    $attrs: Record<string, string>;
    [property: string]: unknown;
  }

  /** A warning collected while reading, with the element or position it concerns. */
  export interface ModdleWarning {
    message: string;
    element?: unknown;
    property?: string;
    value?: string;
    error?: Error;
  }

  /** What `fromXML` resolves to. */
  export interface FromXmlResult {
    rootElement: unknown;
    warnings: ModdleWarning[];
    elementsById: Record<string, unknown>;
  }

  /** The BPMN 2.0 metamodel with an XML reader and writer. */
  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>, options?: Record<string, unknown>);
    fromXML(xml: string, typeName?: string, options?: Record<string, unknown>): Promise<FromXmlResult>;
    create(type: string, properties?: Record<string, unknown>): ModdleObject;
    toXML(
      element: ModdleObject,
      options?: { format?: boolean; preamble?: boolean },
    ): Promise<{ xml: string }>;
  }
}
