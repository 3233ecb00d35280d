import type { z } from 'zod';
import type { Comment } from '../comments/comment.js';
import type { CommentStatusDef } from '../comments/comments-config.js';
import type { Diagnostic, Severity, SourceRef } from '../diagnostics/diagnostic.js';
import { InvalidArgumentError } from '../errors/tracery-error.js';
import type { Metamodel } from '../metamodel/metamodel.js';
import type { Element, Relation } from '../model/element.js';
import type { Model } from '../model/model.js';
import type { TraceryConfig } from '../repository/repository-config.js';
import type { CoverageResult } from '../trace-coverage/compute-coverage.js';

/** The latest outcome of a test case, as a caller reads it from test reports (JUnit XML ...). */
export type TestOutcomeInput = {
  readonly status: 'passed' | 'failed' | 'error' | 'skipped';
  /** The failure message, if any. */
  readonly message?: string;
  /** The report the outcome comes from. */
  readonly source?: SourceRef;
};

/** A link whose far end changed since the link was last reviewed, as a caller computes it from a baseline. */
export type SuspectLinkInput = {
  readonly relation: Pick<Relation, 'type' | 'source' | 'target'>;
  /** The id of the end that changed, when one end did (not when both did, or the link was never reviewed). */
  readonly changed?: string;
  /** Why the link is suspect, for the message (`target-changed`, `never-reviewed` ...). */
  readonly reason?: string;
};

/** Optional inputs that some rules need from outside the model; a rule without its input reports nothing. */
export type RuleInputs = {
  /** Latest outcome of each test case, by TestCase id. */
  readonly testResults?: ReadonlyMap<string, TestOutcomeInput>;
  /** Links whose far end changed since they were reviewed. */
  readonly suspectLinks?: readonly SuspectLinkInput[];
  /** The repository's review comments (comments/**), with the statuses they may have. */
  readonly comments?: readonly Comment[];
  readonly commentStatuses?: readonly CommentStatusDef[];
  /**
   * The repository's coverage (`repositoryCoverage`); without it the coverage rules compute it from the
   * model and the config's `coverage:` policy, with no link outdated.
   */
  readonly coverage?: CoverageResult;
};

/** What a rule passes to {@link RuleContext.report}. The source defaults to where the element is written. */
export type FindingInput = {
  readonly message: string;
  readonly elementId?: string;
  /** Overrides the rule's severity for this finding (a config override still wins). */
  readonly severity?: Severity;
  readonly source?: SourceRef;
  readonly related?: Diagnostic['related'];
};

/** What a rule's check sees: the model, its metamodel and config, the rule's options, and `report`. */
export type RuleContext<Options = Record<string, never>> = {
  readonly ruleId: string;
  readonly model: Model;
  readonly metamodel: Metamodel;
  /** The repository's config, when the model was loaded from one. */
  readonly config: TraceryConfig | undefined;
  /** The rule's options: the defaults of its schema, with tracery.yaml's `rules.options.<id>` applied. */
  readonly options: Options;
  readonly inputs: RuleInputs;
  /** The elements of the kinds the rule applies to (every element when it names none), in model order. */
  elements(): Iterable<Element>;
  /**
   * The elements of one kind, in model order. Computed once per run and shared by its rules: read it,
   * do not change it.
   */
  elementsOfKind(kind: string): readonly Element[];
  /** True when the element is at either end of at least one relation. */
  linked(id: string): boolean;
  /**
   * The ids at the other end of an element's relations of one name (a type or an inverse name: `sentBy`
   * gives the senders), sorted; unknown names give an empty list.
   */
  related(id: string, name: string): string[];
  /** True when the element has at least one relation of this name. */
  has(id: string, name: string): boolean;
  /** Reports a finding. */
  report(finding: FindingInput): void;
};

/**
 * A rule, as the engine runs it. Write one with {@link defineRule}. A rule whose findings the loader
 * already reports (`reportedAtLoad`) has no check: the engine turns the load's diagnostics with its id
 * as code into its findings.
 */
export type Rule = {
  readonly id: string;
  readonly severity: Severity;
  readonly description: string;
  /** The kinds the rule applies to; undefined means every kind. */
  readonly kinds?: readonly string[];
  readonly reportedAtLoad?: boolean;
  /** Parses the rule's options from tracery.yaml; throws a zod error when they are wrong. */
  parseOptions(raw: unknown): unknown;
  check(context: RuleContext<unknown>): void;
};

/** What {@link defineRule} takes: a rule with typed options. */
export type RuleDefinition<Options> = {
  readonly id: string;
  readonly severity: Severity;
  readonly description: string;
  readonly kinds?: readonly string[];
  readonly reportedAtLoad?: boolean;
  /** A zod schema of the options, with defaults; the check receives its output. */
  readonly options?: z.ZodType<Options>;
  readonly check?: (context: RuleContext<Options>) => void;
};

const RULE_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/**
 * Defines a rule: an id (kebab-case), a default severity, a description, the kinds it looks at, typed
 * options, and a check that reports through its context.
 *
 * @example
 * const noDraftInterfaces = defineRule({
 *   id: 'no-draft-interface',
 *   severity: 'warning',
 *   description: 'Interfaces are not left in draft.',
 *   kinds: ['Interface'],
 *   check(context) {
 *     for (const element of context.elements())
 *       if (element.status === 'draft') context.report({ elementId: element.id, message: `${element.id} is still a draft` });
 *   },
 * });
 */
export function defineRule<Options = Record<string, never>>(definition: RuleDefinition<Options>): Rule {
  if (!RULE_ID.test(definition.id))
    throw new InvalidArgumentError(
      `rule.id: "${definition.id}" is not a kebab-case id such as "no-draft-interface".`,
    );
  const schema = definition.options;
  const check = definition.check;
  return Object.freeze({
    id: definition.id,
    severity: definition.severity,
    description: definition.description,
    ...(definition.kinds ? { kinds: Object.freeze([...definition.kinds]) } : {}),
    ...(definition.reportedAtLoad ? { reportedAtLoad: true } : {}),
    parseOptions: (raw: unknown) => (schema ? schema.parse(raw ?? {}) : {}),
    check: (context: RuleContext<unknown>) => check?.(context as RuleContext<Options>),
  });
}
