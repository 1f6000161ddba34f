import { DefaultUpstreamStatusService } from './DefaultUpstreamStatusService';
import { Upstream } from './types';

const upstream: Upstream = {
  kind: 'gitlab',
  name: 'gitlab.example.com',
  origin: 'https://gitlab.example.com',
  probeUrl: 'https://gitlab.example.com/api/v4/version',
};

describe('DefaultUpstreamStatusService', () => {
  it('probes each upstream once per cache period', async () => {
    const fetch = jest.fn(async () => new Response('{}', { status: 401 }));
    const service = new DefaultUpstreamStatusService([upstream], {
      timeoutMs: 100,
      cacheMs: 60_000,
      fetch,
    });
    await Promise.all([service.list(), service.list(), service.list()]);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('counts a probe that does not answer in time as unreachable', async () => {
    const fetch = jest.fn(
      (_url: string | URL | Request, init?: RequestInit) =>
        new Promise<Response>((_resolve, reject) =>
          init?.signal?.addEventListener('abort', () =>
            reject(init.signal!.reason),
          ),
        ),
    );
    const service = new DefaultUpstreamStatusService([upstream], {
      timeoutMs: 50,
      cacheMs: 0,
      fetch: fetch as typeof globalThis.fetch,
    });
    expect(await service.list()).toEqual([
      expect.objectContaining({
        reachable: false,
        error: 'no answer within 50 ms',
      }),
    ]);
  });
});
