import { Upstream, UpstreamStatus } from './types';

/** Turns a fetch failure into a sentence: the cause's code says more than "fetch failed". */
function describeFailure(error: unknown, timeoutMs: number): string {
  // AbortSignal.timeout rejects with a DOMException, which is not always `instanceof Error`.
  if ((error as { name?: string })?.name === 'TimeoutError') {
    return `no answer within ${timeoutMs} ms`;
  }
  const cause = (error as { cause?: { code?: string; message?: string } })
    ?.cause;
  if (cause?.message) return cause.message; // e.g. "connect ECONNREFUSED 127.0.0.1:7101"
  if (cause?.code) return cause.code;
  return error instanceof Error ? error.message : String(error);
}

/**
 * Asks an upstream's cheap endpoint whether it is there. Any HTTP answer counts as reachable
 * (a 401 or 404 means the server is up); only a connection failure, a timeout or a 5xx does not.
 */
export async function probeUpstream(
  upstream: Upstream,
  options: { timeoutMs: number; fetch?: typeof fetch },
): Promise<UpstreamStatus> {
  const doFetch = options.fetch ?? fetch;
  const base = {
    kind: upstream.kind,
    name: upstream.name,
    origin: upstream.origin,
    checkedAt: new Date().toISOString(),
  };
  try {
    const response = await doFetch(upstream.probeUrl, {
      signal: AbortSignal.timeout(options.timeoutMs),
      redirect: 'manual',
    });
    await response.body?.cancel();
    if (response.status >= 500) {
      return {
        ...base,
        reachable: false,
        status: response.status,
        error: `answered ${response.status} ${response.statusText}`.trim(),
      };
    }
    return { ...base, reachable: true, status: response.status };
  } catch (error) {
    return {
      ...base,
      reachable: false,
      error: describeFailure(error, options.timeoutMs),
    };
  }
}
