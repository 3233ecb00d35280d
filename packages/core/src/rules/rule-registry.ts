import { InvalidArgumentError } from '../errors/tracery-error.js';
import type { Rule } from './rule.js';

/**
 * The rules a check runs: built-in and user rules register the same way, and an id is taken once.
 *
 * @example
 * const registry = new RuleRegistry(defaultRules()).add(myRule);
 * runRules({ model }, { rules: registry });
 */
export class RuleRegistry {
  readonly #rules = new Map<string, Rule>();

  constructor(rules: Iterable<Rule> = []) {
    for (const rule of rules) this.add(rule);
  }

  /** Adds a rule; throws when a rule with its id is already registered. */
  add(rule: Rule): this {
    if (this.#rules.has(rule.id))
      throw new InvalidArgumentError(`rule: a rule with the id "${rule.id}" is already registered.`);
    this.#rules.set(rule.id, rule);
    return this;
  }

  /** The rule with this id, or undefined. */
  get(id: string): Rule | undefined {
    return this.#rules.get(id);
  }

  /** True when a rule with this id is registered. */
  has(id: string): boolean {
    return this.#rules.has(id);
  }

  /** Every rule, sorted by id. */
  list(): Rule[] {
    return [...this.#rules.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}
