/*
 * The parts of Datadog's v1 SLO API answers that the plugin reads, named as in Datadog's OpenAPI
 * document (../shared/contracts/datadog/openapi-v1-slo-subset.json). Every field is optional or
 * nullable where the schema says so; tests validate the fake answers against that document.
 */

/** `SLOThreshold` / `SearchSLOThreshold`. */
export interface WireThreshold {
  timeframe: string;
  target: number;
  warning?: number | null;
}

/** `SLOOverallStatuses`. */
export interface WireOverallStatus {
  error?: string | null;
  error_budget_remaining?: number | null;
  status?: number | null;
  state?: string;
  target?: number;
  timeframe?: string;
}

/** `SearchServiceLevelObjectiveAttributes`. */
export interface WireSearchSloAttributes {
  name?: string;
  description?: string | null;
  all_tags?: string[];
  env_tags?: string[];
  slo_type?: string;
  thresholds?: WireThreshold[];
  overall_status?: WireOverallStatus[];
}

/** `SearchSLOResponse`. */
export interface WireSearchResponse {
  data?: {
    attributes?: {
      slos?: Array<{
        data?: { id?: string; attributes?: WireSearchSloAttributes };
      }>;
    };
  };
  meta?: {
    pagination?: { total?: number; next_number?: number; last_number?: number };
  };
}

/** `ServiceLevelObjective`. */
export interface WireSlo {
  id?: string;
  name: string;
  description?: string | null;
  tags?: string[];
  type: string;
  timeframe?: string;
  thresholds: WireThreshold[];
}

/** `SLOListResponse`. */
export interface WireListResponse {
  data?: WireSlo[];
  errors?: string[];
}

/** `SLOHistorySLIData`. */
export interface WireHistorySli {
  sli_value?: number | null;
  /** `[epoch seconds, 0 up | 1 down | 2 no data]` transitions (monitor and time-slice SLOs). */
  history?: Array<[number, number]>;
  errors?: Array<{ error_type: string; error_message: string }>;
}

/** `SLOHistoryMetricsSeries`. */
export interface WireMetricsSeries {
  values: number[];
}

/** `SLOHistoryResponse`. */
export interface WireHistoryResponse {
  data?: {
    from_ts?: number;
    to_ts?: number;
    type?: string;
    overall?: WireHistorySli;
    series?: {
      /** Seconds per bucket, chosen by Datadog from the queried range. */
      interval?: number;
      /** Epoch milliseconds. */
      times: number[];
      numerator: WireMetricsSeries;
      denominator: WireMetricsSeries;
    };
  };
  errors?: Array<{ error: string }> | null;
}
