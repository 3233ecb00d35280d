import { z } from 'zod';
import { SuspectLinksConfigSchema } from '../baseline/suspect-links-config.js';
import { EstimateConfigSchema } from '../change-request/estimate-config.js';
import { CommentsConfigSchema } from '../comments/comments-config.js';
import { ImpactConfigSchema } from '../impact/impact-config.js';
import { MetamodelExtensionSchema } from '../metamodel/metamodel-extension.js';
import { ResultsConfigSchema } from '../results/results-config.js';
import { RulesConfigSchema } from '../rules/rules-config.js';
import { SpreadsheetsConfigSchema } from '../spreadsheet/spreadsheet-mapping.js';
import { CoveragePolicySchema } from '../trace-coverage/coverage-policy.js';
import { BpmnImportConfigSchema } from './bpmn-config.js';
import { IdsConfigSchema } from './id-safety.js';
import { ReqifConfigSchema } from './reqif-config.js';

/** Default limits that protect a load from hostile or accidental input. */
export const DEFAULT_LIMITS = {
  /** Files larger than this are refused (10 MiB). */
  maxFileBytes: 10 * 1024 * 1024,
  /** YAML alias expansions allowed per file, against alias bombs. */
  maxAliasCount: 1000,
  /** How deep maps and lists may nest in one file, against stack exhaustion (design files need ~6). */
  maxDepth: 200,
} as const;

const InsideGlob = z
  .string()
  .min(1)
  .refine(
    (glob) => !glob.startsWith('/') && !/^[A-Za-z]:/.test(glob) && !glob.split(/[\\/]/).includes('..'),
    {
      message: 'it leads outside the repository: write globs relative to the repository root, inside it',
    },
  );

/** Where the repository's sources are, as globs relative to its root (never leading outside it). */
export const SourcesSchema = z
  .object({
    model: z
      .array(InsideGlob)
      .default(['model/**/*.yaml', 'model/**/*.yml', 'model/**/*.json'])
      .describe('Globs of the model files.'),
    bpmn: z.array(InsideGlob).optional().describe('Globs of BPMN diagrams that join the model on load.'),
    results: z.array(InsideGlob).optional().describe('Globs of JUnit XML test reports.'),
  })
  .strict();

/** The `limits:` section: file size, alias and nesting limits. */
export const LimitsSchema = z
  .object({
    maxFileBytes: z.number().int().positive().default(DEFAULT_LIMITS.maxFileBytes),
    maxAliasCount: z.number().int().nonnegative().max(100_000).default(DEFAULT_LIMITS.maxAliasCount),
    maxDepth: z.number().int().positive().max(1_000).default(DEFAULT_LIMITS.maxDepth),
  })
  .strict();

/**
 * The schema of tracery.yaml, the repository's config. Later sections (coverage, rules ...) are
 * added here as the features that read them arrive; an unknown section is a diagnostic.
 */
export const TraceryConfigSchema = z
  .object({
    $schema: z.string().optional(),
    name: z.string().min(1).describe('The name of the design repository.'),
    description: z.string().optional(),
    metamodel: MetamodelExtensionSchema.optional().describe(
      'What this repository adds to the default metamodel.',
    ),
    ids: IdsConfigSchema.optional().describe(
      'The characters ids may use: letters, digits, "-", "_" and "." by default, plus extraCharacters.',
    ),
    sources: SourcesSchema.default({ model: ['model/**/*.yaml', 'model/**/*.yml', 'model/**/*.json'] }),
    limits: LimitsSchema.default(DEFAULT_LIMITS),
    impact: ImpactConfigSchema.optional().describe('Defaults of impact runs and change-request assessments.'),
    estimate: EstimateConfigSchema.optional().describe(
      'Rough-order-of-magnitude estimates of change requests: days per impacted kind, a day rate.',
    ),
    suspectLinks: SuspectLinksConfigSchema.optional().describe(
      'Suspect-link checks: which links, and whether unreviewed links count.',
    ),
    coverage: CoveragePolicySchema.optional().describe(
      'Per kind, the relations it needs to be covered (OpenFastTrace "needs"), deep coverage, orphans.',
    ),
    results: ResultsConfigSchema.optional().describe(
      'How JUnit results (sources.results) link to TestCases: a junit attribute or an id token.',
    ),
    bpmn: BpmnImportConfigSchema.optional().describe(
      'How `tracery import bpmn` treats diagrams that follow no naming convention: what it creates, id templates.',
    ),
    reqif: ReqifConfigSchema.optional().describe(
      'How `tracery import reqif` maps ReqIF spec types, attributes and relations onto the metamodel.',
    ),
    rules: RulesConfigSchema.optional().describe(
      'Design assurance rules: severity overrides, rules turned off, options, suppressions, accepted findings.',
    ),
    comments: CommentsConfigSchema.optional().describe(
      'Review comments: where the comment files are, their statuses and meanings, the "comment on this" link.',
    ),
    spreadsheets: SpreadsheetsConfigSchema.optional().describe(
      'Column mappings of spreadsheets (comment logs, requirements, Azure DevOps exports) for import and export.',
    ),
  })
  .strict();
/** The settings of a repository, as tracery.yaml gives them (metamodel extension, sources, impact, rules ...). */
export type TraceryConfig = z.infer<typeof TraceryConfigSchema>;

/** The config a repository without tracery.yaml gets. */
export function defaultConfig(name: string): TraceryConfig {
  return TraceryConfigSchema.parse({ name });
}
