import { fetch } from 'undici';
import { failureOfStatus, UpstreamError } from '../errors/UpstreamError';
import { quoteValue } from '../errors/quoteValue';
import { GatedRequest, UpstreamRateGate } from '../gate/UpstreamRateGate';
import { UpstreamOutcomes } from '../outcomes/UpstreamOutcomes';
import { readCappedText } from './readCappedText';
import { dispatcherOf, UpstreamTls } from './tls';

/** One upstream endpoint, as messages and the outcome records name it. */
export interface UpstreamTarget {
  /** Names the upstream in messages, e.g. `Argo CD instance 'prod'`. */
  label: string;
  /** The key its outcomes are recorded under, e.g. `argocd:prod`. */
  upstream: string;
  tls?: UpstreamTls;
}

export interface UpstreamHttpOptions {
  timeoutMs: number;
  maxResponseBytes: number;
  gate: UpstreamRateGate;
  outcomes: UpstreamOutcomes;
}

/** How one request is sent. */
export interface UpstreamRequestInit {
  headers?: Record<string, string>;
  method?: 'GET' | 'HEAD';
  /**
   * Which of the upstream's announced rate limits (`X-RateLimit-*`) the request counts against,
   * e.g. an endpoint family; see {@link GatedRequest}.
   */
  rateLimit?: string;
  /**
   * Runs the sending of the request (not its wait for a rate limit reset, so one throttled limit
   * cannot take every slot), e.g. through a `p-limit` that caps a plugin's requests in flight.
   */
  concurrency?: <T>(send: () => Promise<T>) => Promise<T>;
}

export interface UpstreamAnswer<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** What the last attempt of a call got to, for its outcome record and its error. */
interface Seen {
  status?: number;
  signal?: AbortSignal;
}

/** A wait for a rate limit reset must leave at least this much of the deadline for the request. */
const MIN_REQUEST_MS = 500;

/** TLS verification failures: the upstream's certificate comes from a CA the portal was not given. */
const CERTIFICATE_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);
const CERTIFICATE_HINT =
  ': its certificate is not signed by a CA the portal knows, or does not match; give the company CA as caData or caFile';

/** The error text of an upstream's error body: GitLab, Argo CD, Kubernetes and Datadog each use one. */
function errorText(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body);
    const text =
      parsed?.message ??
      parsed?.error ??
      (Array.isArray(parsed?.errors) ? parsed.errors.join('; ') : undefined);
    return typeof text === 'string' ? text.slice(0, 300) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The portal's one way to send a request to an upstream: within a deadline, through the TLS
 * setting of the target (the company CA, a client certificate), with the body read up to a cap,
 * the rate gate ({@link UpstreamRateGate}: Retry-After, announced limits) fed every answer's
 * headers, and every failure an {@link UpstreamError} naming the upstream. The deadline covers
 * the whole call: a wait for a rate limit reset, the one retry after a 429 of an announced limit,
 * reading the body. What each call saw is recorded for the upstream-status page.
 */
export class UpstreamHttp {
  constructor(private readonly options: UpstreamHttpOptions) {}

  get timeoutMs() {
    return this.options.timeoutMs;
  }

  /** A JSON answer; error statuses throw (their `failure` says which). */
  async json<T = unknown>(
    target: UpstreamTarget,
    url: URL,
    init: UpstreamRequestInit = {},
  ): Promise<UpstreamAnswer<T>> {
    const answer = await this.send(target, url, init);
    if (init.method === 'HEAD') {
      return { ...answer, body: undefined as T };
    }
    try {
      return { ...answer, body: JSON.parse(answer.text) as T };
    } catch {
      throw this.failed(
        target,
        new UpstreamError(
          `${target.label} answered ${
            answer.status
          } with a body that is not JSON (${quoteValue(answer.text, 60)})`,
          { failure: 'bad-answer', status: answer.status },
        ),
      );
    }
  }

  /** Records a failure found after the answer was read (a body of the wrong shape), and returns it. */
  failed(target: UpstreamTarget, error: UpstreamError): UpstreamError {
    this.options.outcomes.record(target.upstream, {
      reachable: true,
      status: error.status,
      error: error.message,
      failure: error.failure,
    });
    return error;
  }

  private async send(
    target: UpstreamTarget,
    url: URL,
    init: UpstreamRequestInit,
  ): Promise<{ status: number; headers: Headers; text: string }> {
    const { label, upstream } = target;
    const { timeoutMs, gate, outcomes } = this.options;
    const deadline = Date.now() + timeoutMs;
    const gated: GatedRequest = {
      origin: url.origin,
      label,
      rateLimit: init.rateLimit,
      latestStart: deadline - MIN_REQUEST_MS,
    };
    const concurrency =
      init.concurrency ?? (<T>(send: () => Promise<T>) => send());
    // A request the gate holds back was never sent: there is no outcome to record.
    await gate.admit(gated);
    const seen: Seen = {};
    try {
      for (let attempt = 0; ; attempt++) {
        if (attempt > 0) {
          await gate.admit(gated);
        }
        const answer = await concurrency(() =>
          this.exchange(target, url, init, gated, deadline, seen),
        );
        if (answer.refusal) {
          // The announced reset is waited for by the gate, when the deadline leaves time.
          if (answer.refusal.retry && attempt === 0) {
            continue;
          }
          throw answer.refusal.error;
        }
        if (answer.status >= 300) {
          const detail = errorText(answer.text);
          throw new UpstreamError(
            `${label} answered ${answer.status}${detail ? `: ${detail}` : ''}`,
            {
              failure: failureOfStatus(answer.status),
              status: answer.status,
            },
          );
        }
        outcomes.record(upstream, { reachable: true, status: answer.status });
        return {
          status: answer.status,
          headers: answer.headers,
          text: answer.text,
        };
      }
    } catch (error) {
      const failure = this.asUpstreamError(error, target, url, seen.signal);
      outcomes.record(upstream, {
        reachable: seen.status !== undefined && seen.status < 500,
        status: seen.status,
        error: failure.message,
        failure: failure.failure,
      });
      throw failure;
    }
  }

  /** One request and its answer, the headers fed to the gate, the body read up to the cap. */
  private async exchange(
    target: UpstreamTarget,
    url: URL,
    init: UpstreamRequestInit,
    gated: GatedRequest,
    deadline: number,
    seen: Seen,
  ) {
    const { gate, maxResponseBytes } = this.options;
    seen.signal = AbortSignal.timeout(Math.max(1, deadline - Date.now()));
    const response = await fetch(url, {
      method: init.method ?? 'GET',
      headers: { accept: 'application/json', ...init.headers },
      signal: seen.signal,
      redirect: 'manual',
      dispatcher: dispatcherOf(target.tls),
    });
    seen.status = response.status;
    const headers = response.headers as unknown as Headers;
    const refusal = await gate.observe(gated, response.status, headers);
    if (refusal) {
      await response.body?.cancel().catch(() => undefined);
    }
    const text = refusal
      ? ''
      : await readCappedText(
          response.body as ReadableStream<Uint8Array> | null,
          maxResponseBytes,
          target.label,
          response.status,
        );
    return { status: response.status, headers, text, refusal };
  }

  private asUpstreamError(
    error: unknown,
    target: UpstreamTarget,
    url: URL,
    signal: AbortSignal | undefined,
  ): UpstreamError {
    if (error instanceof UpstreamError) {
      return error;
    }
    if (signal?.aborted || (error as Error)?.name === 'TimeoutError') {
      return new UpstreamError(
        `${target.label} did not answer within ${
          this.options.timeoutMs / 1000
        } s`,
        { failure: 'timeout' },
      );
    }
    const cause = (error as { cause?: { code?: string; message?: string } })
      ?.cause;
    const why = cause?.code
      ? `${cause.code}${
          CERTIFICATE_CODES.has(cause.code) ? CERTIFICATE_HINT : ''
        }`
      : cause?.message;
    return new UpstreamError(
      `${target.label} could not be reached at ${url.origin}${
        why ? ` (${why})` : ''
      }`,
      { failure: 'unreachable' },
    );
  }
}
