/// <reference path="../bpmn-moddle.d.ts" />
import type { BpmnModdle, ModdleWarning } from 'bpmn-moddle';
import { type BpmnDefinitions, isModdleElement } from './moddle-types.js';

/** What bpmn-moddle made of a text: its definitions and warnings, or why it gave up. */
export type ModdleImport =
  | {
      readonly ok: true;
      readonly definitions: BpmnDefinitions;
      readonly warnings: readonly ModdleWarning[];
      /** Every element bpmn-moddle created and kept, by id. */
      readonly elementsById: Readonly<Record<string, unknown>>;
    }
  | { readonly ok: false; readonly message: string; readonly warnings: readonly ModdleWarning[] };

let moddle: Promise<BpmnModdle> | undefined;

/**
 * The shared bpmn-moddle instance (its registry is read-only once built), loaded when a diagram is
 * first read: every command loads this package, and most runs read no diagram (none configured, or
 * the load answered from its snapshot), so they no longer pay for bpmn-moddle's import: importing
 * this package after core took 25 to 30 ms against 35 to 45 ms (1 Dec 2026, load 2.8).
 */
function sharedModdle(): Promise<BpmnModdle> {
  moddle ??= import('bpmn-moddle').then(({ BpmnModdle }) => new BpmnModdle());
  return moddle;
}

/** Reads the text with bpmn-moddle. */
export async function importWithModdle(text: string): Promise<ModdleImport> {
  const reader = await sharedModdle();
  try {
    const result = await reader.fromXML(text);
    const root = result.rootElement;
    if (!isModdleElement(root) || root.$type !== 'bpmn:Definitions') {
      return { ok: false, message: 'the root element is not <bpmn:definitions>', warnings: result.warnings };
    }
    return { ok: true, definitions: root, warnings: result.warnings, elementsById: result.elementsById };
  } catch (error) {
    const warnings = (error as { warnings?: ModdleWarning[] }).warnings ?? [];
    return { ok: false, message: error instanceof Error ? error.message : String(error), warnings };
  }
}
