/** Datadog's SLO state, as its API reports it (`SLOState`). */
export type SloState = 'ok' | 'warning' | 'breached' | 'no_data';

/** Datadog's SLO kinds (`SLOType`). */
export type SloType = 'metric' | 'monitor' | 'time_slice';

/** The SLO time windows Datadog evaluates (`SLOTimeframe`, without `custom`). */
export type SloTimeframe = '7d' | '30d' | '90d';

export const SLO_TIMEFRAMES: readonly SloTimeframe[] = ['7d', '30d', '90d'];

/** Target, warning and the current evaluation of one SLO over one timeframe. */
export interface SloTimeframeStatus {
  timeframe: SloTimeframe;
  /** Target SLI in percent, e.g. 99.9. */
  target: number;
  /** Warning SLI in percent (above the target), when the SLO has one. */
  warning?: number;
  /** Current SLI in percent; null when Datadog has no data for the window. */
  sli: number | null;
  /** Error budget remaining in percent of the budget (negative once breached); null without data. */
  errorBudgetRemaining: number | null;
  state: SloState;
  /** Datadog's own explanation when it could not compute the status. */
  error?: string;
}

/** How fast the error budget burns over one recent window: 1 = exactly on budget. */
export interface SloBurnRate {
  /** Window label, e.g. `1h`. */
  window: string;
  windowSeconds: number;
  /** Null when the window holds no data. */
  rate: number | null;
}

/** One SLO of an entity, as the portal shows it. */
export interface SloSummary {
  id: string;
  name: string;
  description?: string;
  type: SloType;
  tags: string[];
  /** From the SLO's `env:` tag; undefined when it has none. */
  environment?: string;
  /** The timeframe the SLO is primarily evaluated on (Datadog's `timeframe`, else the first threshold). */
  primaryTimeframe: SloTimeframe;
  /** One entry per threshold the SLO defines, in 7d, 30d, 90d order. */
  timeframes: SloTimeframeStatus[];
  /** State of the primary timeframe. */
  state: SloState;
  /** Burn rates against the primary timeframe's target; empty when history could not be read. */
  burnRates: SloBurnRate[];
  /** Link to the SLO in Datadog's web app. */
  url: string;
}

/** Why part of an answer is missing. `kind` lets the frontend pick its wording; `message` says what to do. */
export interface SloProblem {
  kind:
    | 'not-configured'
    | 'missing-annotation'
    | 'bad-annotation'
    | 'forbidden'
    | 'rate-limited'
    | 'timeout'
    | 'unreachable'
    | 'not-found'
    | 'bad-request'
    | 'upstream';
  message: string;
  /** The SLO concerned, when the problem is about one SLO. */
  sloId?: string;
  /** The annotation concerned, for `missing-annotation`, `bad-annotation` and `not-found`. */
  annotation?: string;
}

/** The worst SLO state of an entity in one environment (from the SLOs' `env:` tags). */
export interface EnvironmentSloState {
  environment: string;
  state: SloState;
  sloCount: number;
}

/** Body of `GET /api/datadog-slo/entities/:kind/:namespace/:name/slos`. */
export interface EntitySlosResponse {
  entityRef: string;
  /** False when the backend has no Datadog keys; the SLO list is then empty. */
  configured: boolean;
  /** The Datadog site asked, e.g. `datadoghq.eu`. */
  site: string;
  /** Worst state first. */
  slos: SloSummary[];
  /** Feeds the deploy-status matrix: one entry per environment tag found. */
  environments: EnvironmentSloState[];
  problems: SloProblem[];
  /** When Datadog was asked (ISO 8601). */
  fetchedAt: string;
  /** True when Datadog failed just now and this is the last answer it gave. */
  stale: boolean;
}

/** One point of an error budget burn-down. */
export interface SloBudgetPoint {
  /** Epoch milliseconds. */
  time: number;
  /** SLI from the start of the window up to `time`, in percent; null before any data. */
  sli: number | null;
  /** Error budget remaining at `time`, in percent of the budget. */
  errorBudgetRemaining: number | null;
}

/** Body of `GET /api/datadog-slo/entities/:kind/:namespace/:name/slos/:sloId/history`. */
export interface SloHistoryResponse {
  sloId: string;
  timeframe: SloTimeframe;
  target: number;
  warning?: number;
  /** Error budget remaining (percent) at which the warning threshold is crossed. */
  warningBudget?: number;
  fromTime: number;
  toTime: number;
  points: SloBudgetPoint[];
  /** Said beside the chart, e.g. that the SLO has no target for the asked timeframe. */
  note?: string;
  problems: SloProblem[];
  /** When Datadog was asked (ISO 8601). */
  fetchedAt: string;
  /** True when Datadog failed just now and these points are the last it gave. */
  stale: boolean;
}

/** SLO counts of one service in a rollup. */
export interface SloRollupEntry {
  entityRef: string;
  title?: string;
  worstState: SloState | undefined;
  counts: Record<SloState, number>;
  /** Lowest error budget remaining among its SLOs' primary timeframes. */
  lowestBudget: number | null;
  problems: SloProblem[];
}

/** Body of `GET /api/datadog-slo/rollup?entityRef=` for a System or a Group. */
export interface SloRollupResponse {
  entityRef: string;
  /** How the members were found: the System's parts, or what the Group owns. */
  membership: 'partOf' | 'ownedBy';
  worstState: SloState | undefined;
  counts: Record<SloState, number>;
  /** Members with SLO annotations, worst first. */
  entries: SloRollupEntry[];
  /** Members without any SLO annotation, so the rollup says what it does not cover. */
  withoutSlos: string[];
}
