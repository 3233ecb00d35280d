/**
 * The review-comment figures of the DAG pack for the Tranche 1 design artefacts, as the first session
 * recorded them on each Artefact (accepted / action / rejected / requires clarification). They add up to
 * 707: 446 accepted, 187 action, 44 rejected, 30 requiring clarification.
 */
export const TRANCHE1_COMMENT_COUNTS: Readonly<Record<string, readonly [number, number, number, number]>> = {
  'MHHSP-BP004': [36, 13, 4, 1],
  'MHHSP-BP005': [25, 16, 4, 0],
  'MHHSP-BP006': [16, 16, 2, 2],
  'MHHSP-BP007': [17, 7, 1, 5],
  'MHHSP-BP008': [30, 7, 7, 2],
  'MHHSP-BP009': [26, 10, 5, 4],
  'MHHSP-BP010': [13, 11, 3, 3],
  'MHHSP-BP018': [16, 6, 3, 0],
  'MHHSP-BRS007': [22, 9, 2, 1],
  'MHHSP-METH005': [43, 11, 2, 8],
  'MHHSP-IF-005': [31, 18, 4, 2],
  'MHHSP-IF-006': [21, 12, 1, 0],
  'MHHSP-IF-007': [13, 1, 3, 1],
  'MHHSP-IF-008': [11, 1, 0, 0],
  'MHHSP-IF-009': [6, 1, 0, 0],
  'MHHSP-IF-018': [16, 6, 0, 1],
  'MHHSP-IF-021': [20, 2, 1, 0],
  'MHHSP-IF-022': [15, 5, 0, 0],
  'MHHSP-IF-023': [20, 9, 2, 0],
  'MHHSP-IF-024': [8, 9, 0, 0],
  'MHHSP-IF-025': [22, 7, 0, 0],
  'MHHSP-IF-026': [10, 6, 0, 0],
  'MHHSP-IF-041': [9, 4, 0, 0],
};

/** The statuses of the counts above, in their order. */
export const TRANCHE1_STATUSES = [
  'Accepted',
  'Action',
  'Rejected',
  'Requires further clarification',
] as const;

/**
 * The constituencies of the 15 organisations that commented, with their organisations and how their
 * comments split by status. ILLUSTRATIVE: the repository holds no record of the pack's constituency
 * table, so this split is made up to be consistent with the totals above (446 / 187 / 44 / 30, 15
 * organisations); replace it with the pack's table when it is at hand.
 */
export const TRANCHE1_CONSTITUENCIES: readonly {
  readonly constituency: string;
  readonly organisations: readonly string[];
  readonly counts: readonly [number, number, number, number];
}[] = [
  {
    constituency: 'Large Supplier',
    organisations: ['Supplier A', 'Supplier B', 'Supplier C'],
    counts: [112, 48, 11, 8],
  },
  { constituency: 'Medium Supplier', organisations: ['Supplier D', 'Supplier E'], counts: [54, 22, 6, 3] },
  { constituency: 'Small Supplier', organisations: ['Supplier F'], counts: [18, 7, 2, 1] },
  { constituency: 'I&C Supplier', organisations: ['Supplier G'], counts: [21, 9, 2, 2] },
  { constituency: 'Supplier Agent', organisations: ['Agent A', 'Agent B'], counts: [63, 27, 6, 4] },
  { constituency: 'Independent Supplier Agent', organisations: ['Agent C'], counts: [24, 10, 3, 2] },
  { constituency: 'DNO', organisations: ['DNO A', 'DNO B'], counts: [71, 30, 7, 5] },
  { constituency: 'iDNO', organisations: ['iDNO A'], counts: [16, 7, 2, 1] },
  { constituency: 'Central Systems', organisations: ['Central Body A'], counts: [48, 19, 3, 3] },
  { constituency: 'Code Body', organisations: ['Code Body A'], counts: [19, 8, 2, 1] },
];
