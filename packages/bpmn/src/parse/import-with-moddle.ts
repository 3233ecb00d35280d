/// <reference path="../bpmn-moddle.d.ts" />
import { BpmnModdle, type ModdleWarning } from 'bpmn-moddle';
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

let moddle: BpmnModdle | undefined;

/** Reads the text with bpmn-moddle (one shared instance: its registry is read-only once built). */
export async function importWithModdle(text: string): Promise<ModdleImport> {
  moddle ??= new BpmnModdle();
  try {
    const result = await moddle.fromXML(text);
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
