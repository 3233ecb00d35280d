import { z } from 'zod';

/** One finding kept out of the count on purpose: the rule, the element, and why (a reason is required). */
export const RuleSuppressionSchema = z
  .object({
    rule: z.string().min(1).describe('The rule id, such as orphan-element.'),
    element: z.string().min(1).describe('The id of the element the finding is about.'),
    reason: z
      .string()
      .trim()
      .min(1, 'a suppression needs a reason: say why the finding does not apply')
      .describe('Why the finding does not apply; it is shown in every report.'),
  })
  .strict();
export type RuleSuppression = z.infer<typeof RuleSuppressionSchema>;

/**
 * The `rules:` section of tracery.yaml: severity overrides, rules turned off, each rule's options,
 * suppressions (each with a reason), and the file of accepted findings.
 */
export const RulesConfigSchema = z
  .object({
    severity: z
      .record(z.string(), z.enum(['error', 'warning', 'info']))
      .optional()
      .describe('Severity overrides by rule id.'),
    off: z.array(z.string()).optional().describe('Rule ids that do not run.'),
    options: z
      .record(z.string(), z.record(z.string(), z.unknown()))
      .optional()
      .describe("Each rule's options, by rule id (see the rules documentation)."),
    suppressions: z.array(RuleSuppressionSchema).optional(),
    acceptedFindings: z
      .string()
      .min(1)
      .refine((path) => !path.startsWith('/') && !path.split(/[\\/]/).includes('..'), {
        message: 'it leads outside the repository: give a path relative to the repository root, inside it',
      })
      .optional()
      .describe(
        'A YAML file of accepted findings (written by `tracery check --accept`): only new ones count.',
      ),
  })
  .strict();
export type RulesConfig = z.infer<typeof RulesConfigSchema>;
