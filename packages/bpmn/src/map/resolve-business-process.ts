import type {
  BpmnCollaboration,
  BpmnDefinitions,
  BpmnParticipant,
  ModdleElement,
} from '../parse/moddle-types.js';
import { cleanName, findIdToken } from './id-token.js';
import { extensionOf, kindOfReference, type MappingContext } from './mapping-context.js';

/** The business process a BPMN process belongs to, and where the id was found. */
export type ResolvedBusinessProcess = {
  readonly id: string;
  readonly name: string;
  readonly foundIn: string;
};

/** A process with the pool it is drawn in and that pool's collaboration. */
export type ProcessPlacement = {
  readonly process: ModdleElement;
  readonly pool: BpmnParticipant | undefined;
  readonly collaboration: BpmnCollaboration | undefined;
};

/**
 * Finds the business process id of a BPMN process, first found wins: the process's `tracery:id`; the
 * pool's `tracery:id` when it is a business process id; an id such as `BP004` in the process's name, the
 * pool's name, the collaboration's (`tracery:id` or name), the definitions' (`tracery:id` or name), and
 * finally the file name.
 */
export function resolveBusinessProcess(
  context: MappingContext,
  placement: ProcessPlacement,
  definitions: BpmnDefinitions,
): ResolvedBusinessProcess | undefined {
  const pattern = context.patterns.businessProcessId;
  const fallbackName = cleanName(placement.process.name) || cleanName(placement.pool?.name);
  for (const { foundIn, carrier, text, isId } of candidatesFor(context, placement, definitions)) {
    if (text === undefined || text.trim() === '') continue;
    if (isId) {
      const id = text.trim();
      const carrierName = cleanName(carrier?.name);
      const name = findIdToken(carrierName, pattern)?.rest || carrierName || fallbackName || id;
      return { id, name, foundIn };
    }
    const token = findIdToken(text, pattern);
    if (token) return { id: token.id, name: cleanName(token.rest) || fallbackName || token.id, foundIn };
  }
  return undefined;
}

/** Where a business process id may be written, in the order they are tried. */
function candidatesFor(
  context: MappingContext,
  placement: ProcessPlacement,
  definitions: BpmnDefinitions,
): Candidate[] {
  const { process, pool, collaboration } = placement;
  const explicit = (foundIn: string, carrier: ModdleElement | undefined): Candidate => ({
    foundIn,
    carrier,
    text: extensionOf(context, carrier).id,
    isId: true,
  });
  const named = (
    foundIn: string,
    carrier: ModdleElement | undefined,
    text: string | undefined,
  ): Candidate => ({
    foundIn,
    carrier,
    text,
    isId: false,
  });
  const poolId = extensionOf(context, pool).id;
  const poolNamesProcess = poolId !== undefined && isBusinessProcessId(context, poolId);
  return [
    explicit("the process's tracery:id", process),
    {
      foundIn: "the pool's tracery:id",
      carrier: pool,
      text: poolNamesProcess ? poolId : undefined,
      isId: true,
    },
    named('the process name', process, process.name),
    named('the pool name', pool, pool?.name),
    explicit("the collaboration's tracery:id", collaboration),
    named('the collaboration name', collaboration, collaboration?.name),
    explicit("the definitions' tracery:id", definitions),
    named('the definitions name', definitions, definitions.name),
    named('the file name', undefined, baseName(context.file)),
  ];
}

/** A path's last segment without its extension: `bpmn/BP004 Data Collection.bpmn` -> `BP004 Data Collection`. */
function baseName(path: string): string | undefined {
  return path
    .split(/[\\/]/)
    .pop()
    ?.replace(/\.[^.]*$/, '');
}

type Candidate = {
  readonly foundIn: string;
  /** The element whose name names the process when the id comes from its attribute. */
  readonly carrier: ModdleElement | undefined;
  readonly text: string | undefined;
  readonly isId: boolean;
};

/** True when an id names a business process: the model says so, or it has the business process id's shape. */
export function isBusinessProcessId(context: MappingContext, id: string): boolean {
  const kind = context.model?.findElement(id)?.kind;
  if (kind !== undefined) return kind === context.mapping.kinds.businessProcess;
  if (kindOfReference(context, id, '') === context.mapping.kinds.businessProcess) return true;
  const token = findIdToken(id, context.patterns.businessProcessId);
  return token?.id === id;
}
