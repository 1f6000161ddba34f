import { CacheService } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import { JsonObject } from '@backstage/types';
import { datadogConnection } from '@internal/upstream-node';
import { readDatadogSloSettings } from '../config/readDatadogSloSettings';
import { FakeDatadog, fakeSlo, startFakeDatadog } from '../testUtils';
import { fakeDatadogUpstream } from '../__testUtils__/fakeDatadogUpstream';
import { SloService } from './SloService';

function service(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'checkout-api', namespace: 'default', annotations },
    spec: { type: 'service', owner: 'group:payments', lifecycle: 'production' },
  };
}

const byQuery = service({ 'datadoghq.com/slo-query': 'service:checkout-api' });

/** The SLO service on the upstream layer, as the plugin wires it, against a fake Datadog. */
function sloServiceOn(
  url: string,
  options: {
    upstream?: JsonObject;
    cache?: CacheService;
    logger?: ReturnType<typeof mockServices.logger.mock>;
    now?: () => number;
  } = {},
) {
  const upstream = fakeDatadogUpstream(url, {
    datadog: { site: 'datadoghq.eu' },
    upstream: options.upstream,
  });
  return new SloService({
    connection: upstream.datadog,
    http: upstream.http,
    settings: readDatadogSloSettings(new ConfigReader({})),
    cache: options.cache ?? (mockServices.cache.mock() as any),
    logger: options.logger ?? mockServices.logger.mock(),
    now: options.now,
  });
}

function sloService(url: string, upstream?: JsonObject) {
  return sloServiceOn(url, { upstream });
}

/** A CacheService backed by a Map, so freshness and staleness can be observed. */
function memoryCache() {
  const store = new Map<string, unknown>();
  return {
    get: async (key: string) => store.get(key),
    set: async (key: string, value: unknown) => void store.set(key, value),
    delete: async (key: string) => void store.delete(key),
    withOptions() {
      return this;
    },
  } as any;
}

function withCache(url: string, now: () => number) {
  return sloServiceOn(url, { cache: memoryCache(), now });
}

describe('SloService', () => {
  let datadog: FakeDatadog;
  afterEach(async () => {
    await datadog?.close();
  });

  it('returns breached, warning, no-data and ok SLOs worst first, from one search and one history each', async () => {
    datadog = await startFakeDatadog({
      slos: [
        fakeSlo('ok-1', { sli: 99.99, state: 'ok' }),
        fakeSlo('nodata-1', { sli: null, state: 'no_data' }),
        fakeSlo('breached-1', {
          sli: 99.5,
          state: 'breached',
          tags: ['service:checkout-api', 'env:staging'],
        }),
        fakeSlo('warning-1', {
          sli: 99.92,
          state: 'warning',
          type: 'time_slice',
        }),
        fakeSlo('other-service', { tags: ['service:cart'] }),
      ],
    });
    const answer = await sloService(datadog.url).getEntitySlos(byQuery);

    expect(answer.problems).toEqual([]);
    expect(answer.slos.map(s => [s.id, s.state])).toEqual([
      ['breached-1', 'breached'],
      ['warning-1', 'warning'],
      ['nodata-1', 'no_data'],
      ['ok-1', 'ok'],
    ]);
    const breached = answer.slos[0];
    expect(breached.environment).toBe('staging');
    expect(breached.primaryTimeframe).toBe('30d');
    expect(breached.timeframes[1]).toMatchObject({
      timeframe: '30d',
      target: 99.9,
      warning: 99.95,
      sli: 99.5,
      state: 'breached',
    });
    expect(breached.timeframes[1].errorBudgetRemaining).toBeCloseTo(-400);
    // 0.5 % bad against 0.1 % allowed burns the budget five times too fast. The fake's metric
    // series has hourly buckets: too coarse for a 1-hour window, which stays unknown.
    expect(breached.burnRates.find(r => r.window === '6h')?.rate).toBeCloseTo(
      5,
    );
    expect(breached.burnRates.find(r => r.window === '1h')?.rate).toBeNull();
    expect(breached.url).toBe(
      'https://app.datadoghq.eu/slo?slo_id=breached-1&timeframe=30d',
    );
    expect(answer.environments).toEqual([
      { environment: 'production', state: 'warning', sloCount: 3 },
      { environment: 'staging', state: 'breached', sloCount: 1 },
    ]);
    const paths = datadog.requests.map(r => r.path);
    expect(paths.filter(p => p === '/api/v1/slo/search')).toHaveLength(1);
    expect(paths.filter(p => p.endsWith('/history'))).toHaveLength(4);
  });

  it('follows search pagination to the last page', async () => {
    datadog = await startFakeDatadog({
      slos: Array.from({ length: 120 }, (_, i) => fakeSlo(`slo-${i}`)),
    });
    const answer = await sloService(datadog.url).getEntitySlos(byQuery);
    expect(answer.slos).toHaveLength(120);
    expect(
      datadog.requests
        .filter(r => r.path === '/api/v1/slo/search')
        .map(r => r.query['page[number]']),
    ).toEqual(['0', '1', '2']);
  });

  it('reads SLOs named by id, their status from history, and names an unknown id', async () => {
    datadog = await startFakeDatadog({
      slos: [fakeSlo('monitor-1', { type: 'monitor', sli: 99.0, tags: [] })],
    });
    const answer = await sloService(datadog.url).getEntitySlos(
      service({ 'datadoghq.com/slo-ids': 'monitor-1, gone-2' }),
    );
    expect(answer.slos).toHaveLength(1);
    expect(answer.slos[0]).toMatchObject({
      id: 'monitor-1',
      type: 'monitor',
      state: 'breached',
    });
    expect(answer.slos[0].timeframes[0].sli).toBeCloseTo(99.0);
    expect(answer.slos[0].burnRates[0].rate).toBeCloseTo(10);
    expect(answer.problems).toEqual([
      expect.objectContaining({
        kind: 'not-found',
        sloId: 'gone-2',
        annotation: 'datadoghq.com/slo-ids',
      }),
    ]);
  });

  it('names the annotation of a malformed query and does not send it', async () => {
    datadog = await startFakeDatadog({ slos: [] });
    const answer = await sloService(datadog.url).getEntitySlos(
      service({ 'datadoghq.com/slo-query': 'service:(checkout' }),
    );
    expect(answer.problems).toEqual([
      expect.objectContaining({
        kind: 'bad-annotation',
        annotation: 'datadoghq.com/slo-query',
      }),
    ]);
    expect(answer.problems[0].message).toContain("'(' is not closed");
    expect(datadog.requests).toHaveLength(0);
  });

  it('names the annotation when Datadog refuses the query', async () => {
    datadog = await startFakeDatadog({ slos: [] });
    const answer = await sloService(datadog.url).getEntitySlos(
      service({ 'datadoghq.com/slo-query': 'service:a ((b))' }),
    );
    expect(answer.problems[0]).toMatchObject({
      kind: 'bad-annotation',
      annotation: 'datadoghq.com/slo-query',
    });
    expect(answer.problems[0].message).toContain('Invalid query');
  });

  it('says that rejected keys are rejected, without the keys', async () => {
    datadog = await startFakeDatadog({
      slos: [fakeSlo('a')],
      apiKey: 'the-right-one',
    });
    const answer = await sloService(datadog.url).getEntitySlos(byQuery);
    expect(answer.problems[0].kind).toBe('forbidden');
    expect(answer.problems[0].message).toContain('datadog.apiKey');
    expect(JSON.stringify(answer)).not.toContain('test-api-key');
    expect(JSON.stringify(answer)).not.toContain('test-app-key');
  });

  it('answers without asking anyone when keys are missing or the annotation is absent', async () => {
    const upstream = fakeDatadogUpstream('http://127.0.0.1:1');
    const notConfigured = new SloService({
      connection: datadogConnection(new ConfigReader({})),
      http: upstream.http,
      settings: readDatadogSloSettings(new ConfigReader({})),
      cache: mockServices.cache.mock() as any,
      logger: mockServices.logger.mock(),
    });
    const answer = await notConfigured.getEntitySlos(byQuery);
    expect(answer.configured).toBe(false);
    expect(answer.problems[0]).toMatchObject({ kind: 'not-configured' });
    expect(answer.problems[0].message).toContain('DATADOG_API_KEY');

    const missing = await notConfigured.getEntitySlos(service({}));
    expect(missing.problems[0]).toMatchObject({
      kind: 'missing-annotation',
      annotation: 'datadoghq.com/slo-query',
    });
  });

  it('serves warm answers from the cache, one Datadog round for concurrent callers, and the last answer marked stale when Datadog fails', async () => {
    datadog = await startFakeDatadog({ slos: [fakeSlo('a'), fakeSlo('b')] });
    let now = Date.now();
    const slos = withCache(datadog.url, () => now);

    const [first, second] = await Promise.all([
      slos.getEntitySlos(byQuery),
      slos.getEntitySlos(byQuery),
    ]);
    expect(second).toEqual(first);
    const asked = datadog.requests.length;
    expect(asked).toBe(3); // one search, two histories

    now += 30_000;
    await slos.getEntitySlos(byQuery);
    expect(datadog.requests.length).toBe(asked);

    now += 60_000;
    datadog.failWith(503);
    const stale = await slos.getEntitySlos(byQuery);
    expect(stale.stale).toBe(true);
    expect(stale.slos.map(s => s.id)).toEqual(['a', 'b']);
    expect(stale.fetchedAt).toBe(first.fetchedAt);
    expect(stale.problems[0]).toMatchObject({ kind: 'upstream' });
    expect(stale.problems[0].message).toContain('503');
  });

  it('draws the burn-down of an SLO of the entity, and refuses one that is not', async () => {
    datadog = await startFakeDatadog({
      slos: [fakeSlo('a', { sli: 99.95, badShare: 0.0005 })],
    });
    const slos = sloService(datadog.url);
    const history = await slos.getSloHistory(byQuery, 'a', '7d');
    expect(history.problems).toEqual([]);
    expect(history.target).toBe(99.9);
    expect(history.warningBudget).toBeCloseTo(50);
    expect(history.points.length).toBe(200);
    const last = history.points[history.points.length - 1];
    expect(last.sli).toBeCloseTo(99.95);
    expect(last.errorBudgetRemaining).toBeCloseTo(50);
    await expect(
      slos.getSloHistory(byQuery, 'elsewhere', '7d'),
    ).rejects.toThrow(/not one of component:default\/checkout-api's SLOs/);
  });

  it('judges burn rates against the primary target, not the first threshold', async () => {
    datadog = await startFakeDatadog({
      slos: [
        fakeSlo('two-targets', {
          sli: 99.95,
          thresholds: [
            { timeframe: '7d', target: 99 },
            { timeframe: '30d', target: 99.9 },
          ],
        }),
      ],
    });
    const [slo] = (await sloService(datadog.url).getEntitySlos(byQuery)).slos;
    expect(slo.primaryTimeframe).toBe('30d');
    // 0.05 % bad: half the 30d allowance (0.1 %), a twentieth of the 7d one (1 %).
    expect(slo.burnRates.find(r => r.window === '6h')?.rate).toBeCloseTo(0.5);
  });

  it('says a rate limit that outlasts the timeout is used up, and when it resets', async () => {
    datadog = await startFakeDatadog({
      slos: [fakeSlo('a')],
      rateLimit: { limit: 0, resetSeconds: 60 },
    });
    const answer = await sloService(datadog.url, {
      timeoutMs: 1000,
    }).getEntitySlos(byQuery);
    expect(answer.slos).toEqual([]);
    expect(answer.problems).toEqual([
      expect.objectContaining({ kind: 'rate-limited' }),
    ]);
    expect(answer.problems[0].message).toBe(
      "Datadog (datadoghq.eu) says its rate limit 'slo_search' is used up; it resets in 60 s. The SLOs will load after that.",
    );
  });

  it('stops showing a stale answer an hour after Datadog last answered', async () => {
    datadog = await startFakeDatadog({ slos: [fakeSlo('a')] });
    let now = Date.now();
    const slos = withCache(datadog.url, () => now);
    await slos.getEntitySlos(byQuery);

    datadog.failWith(503);
    for (const minutes of [5, 30, 59]) {
      now = Date.now() + minutes * 60_000;
      const answer = await slos.getEntitySlos(byQuery);
      expect([minutes, answer.stale, answer.slos.length]).toEqual([
        minutes,
        true,
        1,
      ]);
    }
    now = Date.now() + 61 * 60_000;
    const expired = await slos.getEntitySlos(byQuery);
    expect(expired.stale).toBe(false);
    expect(expired.slos).toEqual([]);
    expect(expired.problems[0].kind).toBe('upstream');
  });

  it('never writes the keys to the log', async () => {
    datadog = await startFakeDatadog({
      slos: [fakeSlo('a')],
      apiKey: 'other',
    });
    const logger = mockServices.logger.mock();
    await sloServiceOn(datadog.url, {
      cache: memoryCache(),
      logger,
    }).getEntitySlos(byQuery);
    const logged = JSON.stringify(
      [logger.warn, logger.info, logger.error, logger.debug].map(
        fn => (fn as jest.Mock).mock.calls,
      ),
    );
    expect(logged).toContain('rejected the API or application key');
    expect(logged).not.toContain('test-api-key');
    expect(logged).not.toContain('test-app-key');
  });

  it('asks Datadog and logs when the cache store fails, instead of failing the request', async () => {
    datadog = await startFakeDatadog({ slos: [fakeSlo('a')] });
    const logger = mockServices.logger.mock();
    const broken = {
      get: async () => {
        throw new Error('redis: connection refused');
      },
      set: async () => {
        throw new Error('redis: connection refused');
      },
      delete: async () => {},
      withOptions() {
        return this;
      },
    } as any;
    const answer = await sloServiceOn(datadog.url, {
      cache: broken,
      logger,
    }).getEntitySlos(byQuery);
    expect(answer.slos.map(s => s.id)).toEqual(['a']);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        'Could not read the SLO cache; answering from the upstream',
      ),
    );
  });
});
