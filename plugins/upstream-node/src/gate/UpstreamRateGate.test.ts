import { CacheManager } from '@backstage/backend-defaults/cache';
import { mockServices } from '@backstage/backend-test-utils';
import { UpstreamRateGate } from './UpstreamRateGate';

const origin = 'https://api.datadoghq.com';
const label = 'Datadog (datadoghq.com)';

function request(rateLimit: string, latestStart = Date.now() + 2500) {
  return { origin, label, rateLimit, latestStart };
}

/** Datadog's announcement of a limit, as on every answer. */
function limitHeaders(name: string, remaining: number, resetSeconds: number) {
  return new Headers({
    'x-ratelimit-limit': '10',
    'x-ratelimit-period': '60',
    'x-ratelimit-remaining': String(remaining),
    'x-ratelimit-reset': String(resetSeconds),
    'x-ratelimit-name': name,
  });
}

function sharedCache() {
  return CacheManager.fromConfig(
    mockServices.rootConfig({ data: {} }),
  ).forPlugin('upstream');
}

describe('UpstreamRateGate', () => {
  it('counts requests sent after an answer against its remaining, then holds the rest', async () => {
    const gate = new UpstreamRateGate();
    await gate.observe(
      request('history'),
      200,
      limitHeaders('slo_history', 2, 60),
    );
    await gate.admit(request('history'));
    await gate.admit(request('history'));
    await expect(gate.admit(request('history'))).rejects.toMatchObject({
      failure: 'rate-limited',
      message:
        "Datadog (datadoghq.com) says its rate limit 'slo_history' is used up; it resets in 60 s",
    });
  });

  it('waits for a reset that leaves the request time, and fails at once for one that does not', async () => {
    const gate = new UpstreamRateGate();
    await gate.observe(
      request('search'),
      200,
      limitHeaders('slo_search', 0, 1),
    );
    const started = Date.now();
    await gate.admit(request('search', Date.now() + 2500));
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);

    await gate.observe(
      request('search'),
      200,
      limitHeaders('slo_search', 0, 5),
    );
    const refused = Date.now();
    await expect(
      gate.admit(request('search', Date.now() + 2500)),
    ).rejects.toMatchObject({ failure: 'rate-limited' });
    expect(Date.now() - refused).toBeLessThan(100);
  });

  it('keeps limits apart by name, and groups that share a name share the limit', async () => {
    const gate = new UpstreamRateGate();
    await gate.observe(request('list'), 200, limitHeaders('slo_read', 5, 60));
    await gate.observe(
      request('history'),
      200,
      limitHeaders('slo_read', 0, 60),
    );
    // 'list' and 'history' turned out to be one limit: both are held.
    await expect(gate.admit(request('list'))).rejects.toMatchObject({
      failure: 'rate-limited',
    });
    await expect(gate.admit(request('history'))).rejects.toMatchObject({
      failure: 'rate-limited',
    });
    // Another limit of the same origin goes on.
    await expect(gate.admit(request('search'))).resolves.toBeUndefined();
  });

  it('turns a 429 under an announced limit into a retry at the reset, and one without into a Retry-After block of the origin', async () => {
    const gate = new UpstreamRateGate();
    const announced = await gate.observe(
      request('history'),
      429,
      limitHeaders('slo_history', 0, 60),
    );
    expect(announced).toMatchObject({ retry: true });
    expect(announced?.error.message).toContain('resets in 60 s');
    await expect(gate.admit(request('search'))).resolves.toBeUndefined();

    const plain = await gate.observe(
      request('search'),
      429,
      new Headers({ 'retry-after': '30' }),
    );
    expect(plain).toMatchObject({ retry: false });
    await expect(gate.admit(request('search'))).rejects.toMatchObject({
      message: expect.stringContaining(
        'is rate limiting the portal (429); asking again in 30 s, as its Retry-After says',
      ),
    });
  });

  it('ignores answers that announce nothing', async () => {
    const gate = new UpstreamRateGate();
    expect(
      await gate.observe(request('history'), 200, new Headers()),
    ).toBeUndefined();
    expect(
      await gate.observe(
        request('history'),
        200,
        new Headers({ 'x-ratelimit-reset': '60' }),
      ),
    ).toBeUndefined();
    await expect(gate.admit(request('history'))).resolves.toBeUndefined();
  });

  it('holds another replica back through the cache, by the limit name it has not seen yet', async () => {
    const cache = sharedCache();
    const replicaA = new UpstreamRateGate({ cache });
    const replicaB = new UpstreamRateGate({ cache });
    await replicaA.observe(
      request('history'),
      200,
      limitHeaders('slo_history', 0, 60),
    );
    await expect(replicaB.admit(request('history'))).rejects.toMatchObject({
      failure: 'rate-limited',
      message: expect.stringMatching(
        /rate limit 'slo_history' is used up; it resets in (59|60) s/,
      ),
    });
    await expect(replicaB.admit(request('search'))).resolves.toBeUndefined();
  });

  it('goes on with its own gate when the cache fails', async () => {
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
    };
    const gate = new UpstreamRateGate({ cache: broken });
    await gate.observe(
      request('history'),
      200,
      limitHeaders('slo_history', 0, 60),
    );
    await expect(gate.admit(request('history'))).rejects.toMatchObject({
      failure: 'rate-limited',
    });
    await expect(gate.admit(request('search'))).resolves.toBeUndefined();
  });
});
