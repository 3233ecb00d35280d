import { findElements, type Model, related } from '@tracery/core';

/** An interface with the services and roles that send and receive it (steps left out), sorted. */
export type InterfaceParties = {
  readonly id: string;
  readonly senders: readonly string[];
  readonly receivers: readonly string[];
};

/** The kinds that are parties on the service map. */
export const PARTY_KINDS: readonly string[] = ['Service', 'Role'];

/** Every interface of the model with its sending and receiving services and roles (core's `related`). */
export function interfaceParties(model: Model): InterfaceParties[] {
  const party = (id: string) => PARTY_KINDS.includes(model.findElement(id)?.kind ?? '');
  return findElements(model, { kind: 'Interface' }).map((i) => ({
    id: i.id,
    senders: related(model, i.id, 'sentBy').filter(party),
    receivers: related(model, i.id, 'receivedBy').filter(party),
  }));
}
