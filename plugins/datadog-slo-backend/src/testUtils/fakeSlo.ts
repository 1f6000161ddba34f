/** One SLO the fake Datadog knows, with what Datadog would compute for it. */
export interface FakeSlo {
  id: string;
  name: string;
  type: 'metric' | 'monitor' | 'time_slice';
  tags: string[];
  timeframe: '7d' | '30d' | '90d';
  thresholds: Array<{
    timeframe: '7d' | '30d' | '90d';
    target: number;
    warning?: number;
  }>;
  /** Datadog's verdict per timeframe, as search's `overall_status` reports it. */
  status: Record<
    string,
    {
      sli: number | null;
      state: 'ok' | 'warning' | 'breached' | 'no_data';
      error?: string;
    }
  >;
  /** Share of bad events (metric) or of downtime (monitor, time-slice), constant over time. */
  badShare: number;
  /** Seconds before "now" from which the SLO has data; earlier is no data. */
  dataSinceSecondsAgo?: number;
}

/** A metric SLO of checkout-api in production with Datadog's verdict for 7d and 30d. */
export function fakeSlo(
  id: string,
  overrides: Partial<FakeSlo> & {
    sli?: number | null;
    state?: FakeSlo['status'][string]['state'];
  } = {},
): FakeSlo {
  const { sli = 99.95, state = 'ok', ...rest } = overrides;
  return {
    id,
    name: `SLO ${id}`,
    type: 'metric',
    tags: ['service:checkout-api', 'env:production'],
    timeframe: '30d',
    thresholds: [
      { timeframe: '7d', target: 99.9, warning: 99.95 },
      { timeframe: '30d', target: 99.9, warning: 99.95 },
    ],
    status: {
      '7d': { sli, state },
      '30d': { sli, state },
    },
    badShare: sli === null ? 0 : (100 - sli) / 100,
    ...rest,
  };
}
