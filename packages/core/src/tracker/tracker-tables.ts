import type { TrackerMovement } from './tracker-movement.js';
import type { StatusCounts, TrackerReport } from './tracker-types.js';

/** One table of a rendered tracker: a title, headers, rows, and which columns are numbers. */
export type TrackerTable = {
  readonly title: string;
  readonly headers: readonly string[];
  readonly rows: readonly (readonly (string | number)[])[];
  readonly numeric: readonly number[];
};

/** The RAG values the tracker counts per service (this month's). */
const RAG = ['Red', 'Amber', 'Green', 'Complete'] as const;

function counts(statuses: readonly string[], c: StatusCounts): number[] {
  return [...statuses.map((s) => c.byStatus[s] ?? 0), c.total];
}

function range(from: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => from + i);
}

/** The tracker's rows, one per artefact, by tranche and service: the table the programme keeps. */
export function artefactTable(report: TrackerReport): TrackerTable {
  const headers = [
    'tranche',
    'service',
    'artefact',
    'name',
    'status',
    'RAG last month',
    'RAG this month',
    'planned DAG',
    'expected DAG',
    'issues',
    'actions',
    ...report.statuses,
    'total',
  ];
  const rows = report.tranches.flatMap((t) =>
    t.services.flatMap((s) =>
      s.artefacts.map((a) => [
        t.tranche,
        s.service,
        a.id,
        a.name,
        a.status ?? '',
        a.ragLastMonth ?? '',
        a.ragThisMonth ?? '',
        a.plannedMonth ?? '',
        a.expectedMonth ?? '',
        a.issues ?? '',
        a.actions ?? '',
        ...counts(report.statuses, a.comments),
      ]),
    ),
  );
  return { title: 'Artefacts', headers, rows, numeric: range(11, report.statuses.length + 1) };
}

/** The tracker as its tables: by tranche and service, per artefact, per interface, per constituency, totals. */
export function trackerTables(report: TrackerReport, movement?: TrackerMovement): TrackerTable[] {
  const n = report.statuses.length + 1;
  const tables: TrackerTable[] = [
    {
      title: 'By tranche and service',
      headers: [
        'tranche',
        'service',
        'artefacts',
        ...RAG.map((r) => r.toLowerCase()),
        ...report.statuses,
        'total',
      ],
      rows: report.tranches.flatMap((t) =>
        t.services.map((s) => [
          t.tranche,
          s.service,
          s.artefacts.length,
          ...RAG.map((r) => s.rag[r] ?? 0),
          ...counts(report.statuses, s.comments),
        ]),
      ),
      numeric: range(2, 1 + RAG.length + n),
    },
    artefactTable(report),
    {
      title: 'Comments per interface',
      headers: ['interface', 'name', ...report.statuses, 'total'],
      rows: report.interfaces.map((i) => [i.id, i.name, ...counts(report.statuses, i.comments)]),
      numeric: range(2, n),
    },
    {
      title: 'Comments per constituency',
      headers: ['constituency', 'organisations', ...report.statuses, 'total'],
      rows: [
        ...report.constituencies.map((c) => [
          c.constituency,
          c.organisations,
          ...counts(report.statuses, c.comments),
        ]),
        ['total', report.totals.organisations, ...counts(report.statuses, report.totals.comments)],
      ],
      numeric: range(1, n + 1),
    },
  ];
  if (movement) tables.push(movementTable(report.statuses, movement));
  return tables;
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

function movementTable(statuses: readonly string[], movement: TrackerMovement): TrackerTable {
  const rows = movement.artefacts.map((a) => [
    a.id,
    a.change,
    a.statusBefore === a.statusAfter
      ? (a.statusAfter ?? '')
      : `${a.statusBefore ?? '-'} -> ${a.statusAfter ?? '-'}`,
    a.ragBefore === a.ragAfter ? (a.ragAfter ?? '') : `${a.ragBefore ?? '-'} -> ${a.ragAfter ?? '-'}`,
    ...statuses.map((s) => signed(a.comments[s] ?? 0)),
  ]);
  rows.push([
    'total',
    `${signed(movement.totals.artefacts)} artefacts`,
    '',
    '',
    ...statuses.map((s) => signed(movement.totals.comments[s] ?? 0)),
  ]);
  return {
    title: `Movement since ${movement.since}`,
    headers: ['artefact', 'change', 'status', 'RAG', ...statuses],
    rows,
    numeric: range(4, statuses.length),
  };
}
