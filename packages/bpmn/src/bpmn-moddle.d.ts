// bpmn-moddle 10 is ESM-only and ships no types for its entry point: this declares the little we use.
// The element shapes live in parse/moddle-types.ts, which the public API can export.
declare module 'bpmn-moddle' {
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
  }
}
