import { InvalidArgumentError, NotFoundError } from '../errors/tracery-error.js';
import type { Model } from '../model/model.js';
import type { ActorImpact, ImpactOptions } from './impact-types.js';
import { type PropagationIndex, propagationIndex } from './propagation-index.js';

/** The kinds that act on a design unless the options say otherwise. */
export const DEFAULT_ACTOR_KINDS: readonly string[] = ['Service', 'Role'];
/** The relations by which an actor takes part in an element unless the options say otherwise. */
export const DEFAULT_ACTOR_RELATIONS: readonly string[] = ['performs', 'sends', 'receives'];

/** The actor kinds and the (forward) actor relation types that options give, defaults filled in. */
export function actorKindsAndTypes(
  model: Model,
  options: Pick<ImpactOptions, 'actorKinds' | 'actorRelations'>,
): [ReadonlySet<string>, ReadonlySet<string>] {
  const kinds = new Set(options.actorKinds ?? DEFAULT_ACTOR_KINDS);
  const types = new Set(
    (options.actorRelations ?? DEFAULT_ACTOR_RELATIONS).map((name) => {
      const found = model.metamodel.relationNames.get(name);
      if (!found) throw new InvalidArgumentError(`options.actorRelations: unknown relation name "${name}".`);
      return found.type.name;
    }),
  );
  return [kinds, types];
}

/**
 * The services and roles that must act on a set of changed or impacted elements: each actor that
 * performs, sends or receives one of them (or is one of them), with those elements, sorted by id.
 *
 * @example
 * actorsOf(model, ['IF-021']) // [{ id: 'LDSO', kind: 'Role', self: false, elements: ['IF-021'] }, ...]
 */
export function actorsOf(
  model: Model,
  ids: readonly string[],
  options: Pick<ImpactOptions, 'actorKinds' | 'actorRelations'> = {},
): ActorImpact[] {
  const [kinds, types] = actorKindsAndTypes(model, options);
  const index = propagationIndex(model);
  const nodes = ids.map((id) => {
    const node = index.numberOf.get(id);
    if (node === undefined) throw new NotFoundError(`ids: element "${id}" not found.`);
    return node;
  });
  return actorsOfNodes(index, nodes, kinds, types);
}

/** {@link actorsOf} on node numbers of the propagation index. */
export function actorsOfNodes(
  index: PropagationIndex,
  nodes: ArrayLike<number>,
  kinds: ReadonlySet<string>,
  types: ReadonlySet<string>,
): ActorImpact[] {
  const isActorKind = Uint8Array.from(index.kinds, (kind) => (kinds.has(kind) ? 1 : 0));
  const isActorType = Uint8Array.from(index.allTypes, (type) => (types.has(type) ? 1 : 0));
  const self = new Set<number>();
  const elements = new Map<number, number[]>();
  const { inOffsets, inSource, inType, kindOf } = index;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (isActorKind[kindOf[node]!] === 1) self.add(node);
    for (let k = inOffsets[node]!, end = inOffsets[node + 1]!; k < end; k++) {
      const source = inSource[k]!;
      if (isActorType[inType[k]!] === 0 || isActorKind[kindOf[source]!] === 0) continue;
      const list = elements.get(source);
      if (list) list.push(node);
      else elements.set(source, [node]);
    }
  }
  // Node numbers follow the sorted ids, so sorting numbers sorts by id.
  const actors = Int32Array.from(new Set([...self, ...elements.keys()])).sort();
  return Array.from(actors, (actor) => {
    const list = Int32Array.from(elements.get(actor) ?? []).sort();
    const ids: string[] = [];
    for (let i = 0; i < list.length; i++)
      if (i === 0 || list[i] !== list[i - 1]) ids.push(index.ids[list[i]!]!);
    return {
      id: index.ids[actor]!,
      kind: index.kinds[kindOf[actor]!]!,
      self: self.has(actor),
      elements: ids,
    };
  });
}
