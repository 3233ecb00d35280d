/** Comments counted by status: one count per status (in the statuses' order) and the total. */
export type StatusCounts = {
  readonly byStatus: Readonly<Record<string, number>>;
  readonly total: number;
};

/** One artefact's row of the tracker: what it is, where it stands, and its comments by status. */
export type TrackerArtefact = {
  readonly id: string;
  readonly name: string;
  readonly tranche?: string;
  readonly service?: string;
  readonly status?: string;
  readonly version?: string;
  readonly ragLastMonth?: string;
  readonly ragThisMonth?: string;
  readonly plannedMonth?: string;
  readonly expectedMonth?: string;
  readonly issues?: string;
  readonly actions?: string;
  readonly comments: StatusCounts;
  /** Organisations that commented on it. */
  readonly organisations: number;
};

/** The artefacts of one service within a tranche, and their totals. */
export type TrackerService = {
  readonly service: string;
  readonly artefacts: readonly TrackerArtefact[];
  /** Artefacts by RAG this month (`Red`, `Amber`, `Green` ...; `none` when not given). */
  readonly rag: Readonly<Record<string, number>>;
  readonly comments: StatusCounts;
};

/** One tranche of the tracker: its services, and its totals. */
export type TrackerTranche = {
  readonly tranche: string;
  readonly services: readonly TrackerService[];
  readonly artefactCount: number;
  readonly rag: Readonly<Record<string, number>>;
  readonly comments: StatusCounts;
};

/** Comments on one interface: on the artefacts that document it, and those about the interface itself. */
export type TrackerInterface = {
  readonly id: string;
  readonly name: string;
  readonly artefacts: readonly string[];
  readonly comments: StatusCounts;
};

/** Comments from one constituency, and how many organisations in it commented. */
export type TrackerConstituency = {
  readonly constituency: string;
  readonly organisations: number;
  readonly comments: StatusCounts;
};

/** The Design Artefact Tracker, as data: by tranche and service, per artefact, interface and constituency. */
export type TrackerReport = {
  /** The statuses in the order the tracker shows them. */
  readonly statuses: readonly string[];
  /** The tranche the report is limited to, when it is. */
  readonly tranche?: string;
  readonly tranches: readonly TrackerTranche[];
  readonly artefacts: readonly TrackerArtefact[];
  readonly interfaces: readonly TrackerInterface[];
  readonly constituencies: readonly TrackerConstituency[];
  readonly totals: {
    readonly artefacts: number;
    readonly comments: StatusCounts;
    readonly organisations: number;
    readonly constituencies: number;
  };
};
