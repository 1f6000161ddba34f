import { FakeSlo } from './fakeSlo';

/*
 * Answers of Datadog's v1 SLO endpoints for the fake's SLOs, shaped as Datadog's OpenAPI document
 * and its recorded answers (shared/contracts/datadog) show them, quirks included.
 */

const HOUR = 3600;
const TYPE_IDS = { monitor: 0, metric: 1, time_slice: 2 } as const;

function thresholdsOf(slo: FakeSlo) {
  return slo.thresholds.map(t => ({
    timeframe: t.timeframe,
    target: t.target,
    target_display: String(t.target),
    ...(t.warning !== undefined
      ? { warning: t.warning, warning_display: String(t.warning) }
      : {}),
  }));
}

/** How each SLO type is defined: a metric query, monitors, or a time-slice condition. */
function definitionOf(slo: FakeSlo) {
  if (slo.type === 'metric') {
    return {
      query: {
        numerator: 'sum:trace.http.request.hits{code:2xx}.as_count()',
        denominator: 'sum:trace.http.request.hits{*}.as_count()',
      },
    };
  }
  if (slo.type === 'monitor') {
    return { monitor_ids: [12345] };
  }
  return {
    sli_specification: {
      time_slice: {
        comparator: '<',
        threshold: 0.3,
        query: {
          formulas: [{ formula: 'query1' }],
          queries: [
            {
              data_source: 'metrics',
              name: 'query1',
              query: 'p99:trace.http.request{*}',
            },
          ],
        },
      },
    },
  };
}

function matches(slo: FakeSlo, query: string): boolean {
  return query
    .split(/\s+AND\s+|\s+/)
    .filter(Boolean)
    .every(term =>
      term.includes(':') ? slo.tags.includes(term) : slo.name.includes(term),
    );
}

function overallStatusOf(slo: FakeSlo) {
  return slo.thresholds.map(t => {
    const status = slo.status[t.timeframe];
    const sli = status?.sli ?? null;
    return {
      timeframe: t.timeframe,
      target: t.target,
      status: sli,
      state: status?.state ?? 'no_data',
      error_budget_remaining:
        sli === null ? null : ((sli - t.target) / (100 - t.target)) * 100,
      raw_error_budget_remaining: null,
      indexed_at: 1700000000,
      span_precision: 2,
      error: status?.error ?? null,
    };
  });
}

/** `GET /api/v1/slo/search`. Like the recorded answer, `next_number` and `links.next` are
 * always set, even on the last page; only `last_number` says where the pages end. */
export function searchAnswer(
  slos: FakeSlo[],
  query: string,
  number: number,
  size: number,
) {
  const all = slos.filter(slo => matches(slo, query));
  const page = all.slice(number * size, (number + 1) * size);
  const last = Math.max(0, Math.ceil(all.length / size) - 1);
  const link = (n: number) =>
    `/api/v1/slo/search?query=${encodeURIComponent(
      query,
    )}&page[number]=${n}&page[size]=${size}`;
  return {
    data: {
      type: 'service_level_objective_search_results',
      attributes: {
        slos: page.map(slo => ({
          data: {
            id: slo.id,
            type: 'slo',
            attributes: {
              name: slo.name,
              description: null,
              all_tags: slo.tags,
              env_tags: slo.tags.filter(t => t.startsWith('env:')),
              service_tags: slo.tags.filter(t => t.startsWith('service:')),
              team_tags: slo.tags.filter(t => t.startsWith('team:')),
              slo_type: slo.type,
              // Not in the OpenAPI schema, but in Datadog's recorded answer (cassettes/).
              timeframe: slo.timeframe,
              thresholds: thresholdsOf(slo),
              overall_status: overallStatusOf(slo),
              created_at: 1700000000,
              modified_at: 1700000000,
              monitor_ids: slo.type === 'monitor' ? [12345] : null,
              groups: null,
              query: null,
            },
          },
        })),
      },
    },
    meta: {
      pagination: {
        number,
        first_number: 0,
        prev_number: Math.max(0, number - 1),
        next_number: number + 1,
        last_number: last,
        size,
        type: 'number_size',
        total: all.length,
      },
    },
    links: {
      self: link(number),
      first: link(0),
      next: link(number + 1),
      prev: number > 0 ? link(number - 1) : null,
      last: null,
    },
  };
}

/** `GET /api/v1/slo` by ids or by one tag. */
export function listAnswer(slos: FakeSlo[], ids: string[]) {
  return {
    data: slos
      .filter(slo => ids.includes(slo.id))
      .map(slo => ({
        id: slo.id,
        name: slo.name,
        description: '',
        tags: slo.tags,
        monitor_tags: [],
        type: slo.type,
        type_id: TYPE_IDS[slo.type],
        timeframe: slo.timeframe,
        thresholds: thresholdsOf(slo),
        ...definitionOf(slo),
        created_at: 1700000000,
        modified_at: 1700000000,
      })),
    errors: [],
  };
}

function metricSeries(values: number[]) {
  return {
    count: values.length,
    sum: values.reduce((a, b) => a + b, 0),
    values,
    metadata: {
      aggr: 'sum',
      expression: 'sum:trace.http.request.hits{*}.as_count()',
      metric: 'trace.http.request.hits',
      scope: '*',
    },
  };
}

/**
 * `GET /api/v1/slo/{id}/history`: metric SLOs as hourly good/total series, monitor and
 * time-slice SLOs as state transitions, each hour's bad share at its end so every window
 * longer than an hour sees the same share. No data before `dataSinceSecondsAgo`.
 */
export function historyAnswer(
  slo: FakeSlo,
  from: number,
  to: number,
  nowSeconds: number,
) {
  const dataSince = nowSeconds - (slo.dataSinceSecondsAgo ?? 365 * 24 * HOUR);
  const start = Math.max(from, dataSince);
  const sli = to > start ? (1 - slo.badShare) * 100 : null;
  const base = {
    from_ts: from,
    to_ts: to,
    thresholds: Object.fromEntries(
      slo.thresholds.map(t => [
        t.timeframe,
        { timeframe: t.timeframe, target: t.target },
      ]),
    ),
    type: slo.type,
    type_id: TYPE_IDS[slo.type],
  };
  if (slo.type === 'metric') {
    const times: number[] = [];
    const good: number[] = [];
    const total: number[] = [];
    for (let t = Math.ceil(start / HOUR) * HOUR; t <= to; t += HOUR) {
      times.push(t * 1000);
      total.push(1000);
      good.push(1000 * (1 - slo.badShare));
    }
    return {
      data: {
        ...base,
        overall: { sli_value: sli, span_precision: 2 },
        series: {
          res_type: 'time_series',
          interval: HOUR,
          resp_version: 2,
          query:
            'sum:trace.http.request.hits{code:2xx}.as_count(),sum:trace.http.request.hits{*}.as_count()',
          times,
          numerator: metricSeries(good),
          denominator: metricSeries(total),
        },
      },
      errors: null,
    };
  }
  const history: Array<[number, number]> = [];
  if (from < dataSince) {
    history.push([from, 2]);
  }
  for (let t = start; t < to; t += HOUR) {
    history.push([t, 0]);
    if (slo.badShare > 0) {
      history.push([t + Math.round(HOUR * (1 - slo.badShare)), 1]);
    }
  }
  return {
    data: {
      ...base,
      overall: {
        sli_value: sli,
        span_precision: 2,
        history,
        ...(sli === null ? {} : { uptime: sli }),
        name: slo.name,
      },
    },
    errors: null,
  };
}
