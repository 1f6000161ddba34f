import {
  recordedResponses,
  assertDatadogSchema,
} from '../testUtils/datadogContract';
import { burnRates } from './burnRates';
import { budgetBurnDown } from './budgetBurnDown';
import { summaryFromSearch } from './toSloSummary';

describe("Datadog's recorded and published answers", () => {
  it('reads the recorded search answer: an SLO Datadog cannot compute is no_data with its reason', () => {
    const search = recordedResponses(
      'Search-for-SLOs-returns-OK-response.har',
    ).find(r => r.path === '/api/v1/slo/search')!;
    assertDatadogSchema('SearchSLOResponse', search.body);
    const hit = search.body.data.attributes.slos[0].data;
    const summary = summaryFromSearch(
      hit.id,
      hit.attributes,
      [],
      'https://app.datadoghq.com',
    );
    expect(summary).toMatchObject({
      id: '18101ab6982f547faba6c9bdc6de9413',
      type: 'metric',
      primaryTimeframe: '7d',
      state: 'no_data',
    });
    expect(summary.timeframes).toEqual([
      {
        timeframe: '7d',
        target: 95,
        warning: 98,
        sli: null,
        errorBudgetRemaining: null,
        state: 'no_data',
        error: 'The denominator is zero valued',
      },
    ]);
  });

  it('reads the recorded list answer as SLO definitions', () => {
    const list = recordedResponses('Get-all-SLOs-returns-OK-response.har').find(
      r => r.method === 'GET' && r.path === '/api/v1/slo',
    );
    expect(list).toBeDefined();
    assertDatadogSchema('SLOListResponse', list!.body);
  });

  const now = 1_700_000_000_000;
  const hour = 3600;
  const nowS = now / 1000;

  it('computes burn rates from transitions: no data is uptime for time-slice SLOs, left out for monitor SLOs', () => {
    // Up, an hour of no data, up, then the last 30 minutes down.
    const transitions = (type: string) => ({
      from_ts: nowS - 72 * hour,
      to_ts: nowS,
      type,
      type_id: type === 'monitor' ? 0 : 2,
      overall: {
        sli_value: 99,
        history: [
          [nowS - 72 * hour, 0],
          [nowS - 2 * hour, 2],
          [nowS - hour, 0],
          [nowS - hour / 2, 1],
        ] as Array<[number, number]>,
      },
    });
    for (const type of ['time_slice', 'monitor']) {
      assertDatadogSchema('SLOHistoryResponseData', transitions(type));
    }
    const timeSlice = burnRates(
      transitions('time_slice'),
      'time_slice',
      99,
      now,
    );
    const monitor = burnRates(transitions('monitor'), 'monitor', 99, now);
    // 1h: half down against 1 % allowed = 50x, for both.
    expect(timeSlice.find(r => r.window === '1h')?.rate).toBeCloseTo(50);
    expect(monitor.find(r => r.window === '1h')?.rate).toBeCloseTo(50);
    // 6h: 0.5 h down of 6 h (no data counted up) = 8.33x; of 5 h known = 10x.
    expect(timeSlice.find(r => r.window === '6h')?.rate).toBeCloseTo(8.333);
    expect(monitor.find(r => r.window === '6h')?.rate).toBeCloseTo(10);
  });

  it('gives no burn rate for a window shorter than two buckets of a metric series', () => {
    const history = {
      type: 'metric',
      series: {
        res_type: 'time_series',
        interval: hour,
        resp_version: 2,
        query: 'a,b',
        times: [(nowS - hour) * 1000, nowS * 1000],
        numerator: { count: 2, sum: 1990, values: [1000, 990] },
        denominator: { count: 2, sum: 2000, values: [1000, 1000] },
      },
    };
    assertDatadogSchema('SLOHistoryResponseData', history);
    const rates = burnRates(history, 'metric', 99, now);
    expect(rates.find(r => r.window === '1h')?.rate).toBeNull();
    expect(rates.find(r => r.window === '6h')?.rate).toBeCloseTo(0.5);
  });

  it('burns the budget down from 100 % to the budget Datadog reports for the window', () => {
    const times = [1, 2, 3, 4].map(h => (nowS - 4 * hour + h * hour) * 1000);
    const series = (values: number[]) => ({
      count: values.length,
      sum: 0,
      values,
    });
    const history = {
      from_ts: nowS - 4 * hour,
      to_ts: nowS,
      type: 'metric',
      series: {
        res_type: 'time_series',
        interval: hour,
        resp_version: 2,
        query: 'a,b',
        times,
        numerator: series([1000, 1000, 990, 1000]),
        denominator: series([1000, 1000, 1000, 1000]),
      },
    };
    assertDatadogSchema('SLOHistoryResponseData', history);
    const points = budgetBurnDown(
      history,
      'metric',
      99,
      now - 4 * hour * 1000,
      now,
    );
    // 10 bad events of 4,000 against 1 % allowed (40): 75 % of the budget left, as Datadog's
    // (SLI - target) / (100 - target) gives for an SLI of 99.75.
    expect(points[points.length - 1].sli).toBeCloseTo(99.75);
    expect(points[points.length - 1].errorBudgetRemaining).toBeCloseTo(75);
    expect(points[0]).toMatchObject({ sli: null, errorBudgetRemaining: 100 });
    const budgets = points.map(p => p.errorBudgetRemaining!);
    expect(budgets).toEqual([...budgets].sort((a, b) => b - a));
  });
});
