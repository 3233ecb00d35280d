import { defaultMetamodel, type Element, Model } from '@tracery/core';

const element = (
  id: string,
  kind: string,
  name: string,
  attributes: Element['attributes'] = {},
): Element => ({
  id,
  kind,
  name,
  attributes,
});

/** A small hand-written model of MHHS services, roles, data and requirements that diagrams refer to. */
export function mhhsModel(): Model {
  const model = new Model(defaultMetamodel());
  for (const e of [
    element('SDS', 'Service', 'Smart Data Service', { shortName: 'SDS' }),
    element('MDS', 'Service', 'Market-wide Data Service', { shortName: 'MDS' }),
    element('SVC-REG', 'Service', 'Registration Service', { shortName: 'REGS' }),
    element('SUP', 'Role', 'Supplier'),
    element('LDSO', 'Role', 'Licensed Distribution System Operator'),
    element('DE-CONS', 'DataEntity', 'Consumption Data'),
    element('IF-021', 'Interface', 'UTC Settlement Period Consumption Data'),
    element('REQ-001', 'Requirement', 'Reads are collected half-hourly'),
    element('REQ-010', 'Requirement', 'Registration requests are acknowledged'),
  ]) {
    model.addElement(e);
  }
  return model;
}
