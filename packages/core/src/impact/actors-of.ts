import { didYouMeanSuffix } from '../diagnostics/did-you-mean.js';
import { InvalidArgumentError, NotFoundError } from '../errors/tracery-error.js';
import type { Model } from '../model/model.js';
import type { ImpactTree } from './impact-tree.js';
import type { ActorImpact, ImpactOptions } from './impact-types.js';
import { hopRange, type PropagationIndex, propagationIndex } from './propagation-index.js';

/** The kinds that act on a design unless the options say otherwise. */
export const DEFAULT_ACTOR_KINDS: readonly string[] = ['Service', 'Role'];
/** The relations by which an actor takes part in an element unless the options say otherwise. */
export const DEFAULT_ACTOR_RELATIONS: readonly string[] = ['performs', 'sends', 'receives'];

type ActorTables = { readonly isActorKind: Uint8Array; readonly isActorCode: Uint8Array };

/** Per kind number and per hop code (read from the actor), whether it is an actor kind or relation. */
function actorTables(
  model: Model,
  index: PropagationIndex,
  options: Pick<ImpactOptions, 'actorKinds' | 'actorRelations'>,
): ActorTables {
  const kinds = new Set(options.actorKinds ?? DEFAULT_ACTOR_KINDS);
  const isActorCode = new Uint8Array(index.types.length * 2);
  for (const name of options.actorRelations ?? DEFAULT_ACTOR_RELATIONS) {
    const found = model.metamodel.relationNames.get(name);
    if (!found)
      throw new InvalidArgumentError(
        `options.actorRelations: unknown relation name "${name}"${didYouMeanSuffix(name, model.metamodel.relationNames.keys()) || '.'}`,
      );
    isActorCode[index.types.indexOf(found.type.name) * 2 + (found.inverse ? 1 : 0)] = 1;
  }
  return { isActorKind: Uint8Array.from(index.kinds, (kind) => (kinds.has(kind) ? 1 : 0)), isActorCode };
}

function actorImpact(
  model: Model,
  index: PropagationIndex,
  tables: ActorTables,
  actor: number,
  self: boolean,
  counts: (node: number) => boolean,
): ActorImpact {
  const elements = new Set<string>();
  for (let k = index.offsets[actor]!, end = index.offsets[actor + 1]!; k < end; k++)
    if (tables.isActorCode[index.code[k]!] === 1 && counts(index.neighbour[k]!))
      elements.add(index.ids[index.neighbour[k]!]!);
  const id = index.ids[actor]!;
  return {
    id,
    kind: index.kinds[index.kindOf[actor]!]!,
    name: model.getElement(id).name,
    self,
    elements: [...elements].sort(),
  };
}

/**
 * The parties that must act on an impact run: each changed or impacted element of an actor kind, with
 * the changed or impacted elements it performs, sends or receives; sorted by id. Read from the touched
 * elements' side, so that a party with many relations costs what the run touched.
 */
export function impactParties(
  model: Model,
  tree: ImpactTree,
  options: Pick<ImpactOptions, 'actorKinds' | 'actorRelations'>,
): ActorImpact[] {
  const { index } = tree;
  const tables = actorTables(model, index, options);
  const seeds = new Set(tree.seeds);
  const touched = [...tree.seeds, ...tree.reached];
  const elements = new Map<number, Set<string>>();
  for (const node of touched)
    if (tables.isActorKind[index.kindOf[node]!] === 1) elements.set(node, new Set());
  const actorCodes: number[] = [];
  tables.isActorCode.forEach((flag, c) => {
    if (flag === 1) actorCodes.push(c);
  });
  for (const node of touched)
    for (const c of actorCodes) {
      // Read from the element, the actor's relation is `c ^ 1`.
      const [from, to] = hopRange(index, node, c ^ 1);
      for (let k = from; k < to; k++) elements.get(index.neighbour[k]!)?.add(index.ids[node]!);
    }
  return [...elements.keys()]
    .sort((a, b) => a - b)
    .map((actor) => {
      const id = index.ids[actor]!;
      return {
        id,
        kind: index.kinds[index.kindOf[actor]!]!,
        name: model.getElement(id).name,
        self: seeds.has(actor),
        elements: [...elements.get(actor)!].sort(),
      };
    });
}

/**
 * The services and roles that take part in a set of elements: each actor that performs, sends or
 * receives one of them (or is one of them), with those elements, sorted by id.
 *
 * @example
 * actorsOf(model, ['IF-021']) // [{ id: 'LDSO', kind: 'Role', name: '...', self: false, elements: ['IF-021'] }, ...]
 */
export function actorsOf(
  model: Model,
  ids: readonly string[],
  options: Pick<ImpactOptions, 'actorKinds' | 'actorRelations'> = {},
): ActorImpact[] {
  const index = propagationIndex(model);
  const tables = actorTables(model, index, options);
  const nodes = new Set<number>();
  for (const id of ids) {
    const node = index.numberOf.get(id);
    if (node === undefined)
      throw new NotFoundError(`ids: element "${id}" not found${didYouMeanSuffix(id, index.ids) || '.'}`);
    nodes.add(node);
  }
  const actors = new Set<number>();
  for (const node of nodes) {
    if (tables.isActorKind[index.kindOf[node]!] === 1) actors.add(node);
    for (let k = index.offsets[node]!, end = index.offsets[node + 1]!; k < end; k++) {
      const other = index.neighbour[k]!;
      // Read from the actor, the relation is `code ^ 1`.
      if (tables.isActorCode[index.code[k]! ^ 1] === 1 && tables.isActorKind[index.kindOf[other]!] === 1)
        actors.add(other);
    }
  }
  return [...actors]
    .sort((a, b) => a - b)
    .map((actor) => actorImpact(model, index, tables, actor, nodes.has(actor), (n) => nodes.has(n)));
}
