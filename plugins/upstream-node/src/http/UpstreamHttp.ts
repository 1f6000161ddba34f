import { fetch } from 'undici';
import { failureOfStatus, UpstreamError } from '../errors/UpstreamError';
import { quoteValue } from '../errors/quoteValue';
import { RetryAfterGate } from '../gate/RetryAfterGate';
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
  gate: RetryAfterGate;
  outcomes: UpstreamOutcomes;
}

export interface UpstreamAnswer<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

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
 * the Retry-After gate, and every failure an {@link UpstreamError} naming the upstream. What each
 * call saw is recorded for the upstream-status page.
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
    init: { headers?: Record<string, string>; method?: 'GET' | 'HEAD' } = {},
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
    init: { headers?: Record<string, string>; method?: 'GET' | 'HEAD' },
  ): Promise<{ status: number; headers: Headers; text: string }> {
    const { label, upstream } = target;
    const { timeoutMs, gate, outcomes, maxResponseBytes } = this.options;
    await gate.check(url.origin, label);
    const signal = AbortSignal.timeout(timeoutMs);
    let status: number | undefined;
    try {
      const response = await fetch(url, {
        method: init.method ?? 'GET',
        headers: { accept: 'application/json', ...init.headers },
        signal,
        redirect: 'manual',
        dispatcher: dispatcherOf(target.tls),
      });
      status = response.status;
      const text = await readCappedText(
        response.body as ReadableStream<Uint8Array> | null,
        maxResponseBytes,
        label,
        response.status,
      );
      const headers = response.headers as unknown as Headers;
      if (response.status === 429) {
        await gate.refuse(url.origin, label, headers.get('retry-after'));
      }
      if (response.status >= 300) {
        const detail = errorText(text);
        throw new UpstreamError(
          `${label} answered ${response.status}${detail ? `: ${detail}` : ''}`,
          {
            failure: failureOfStatus(response.status),
            status: response.status,
          },
        );
      }
      outcomes.record(upstream, { reachable: true, status });
      return { status: response.status, headers, text };
    } catch (error) {
      const failure = this.asUpstreamError(error, target, url, signal);
      outcomes.record(upstream, {
        reachable: status !== undefined && status < 500,
        status,
        error: failure.message,
        failure: failure.failure,
      });
      throw failure;
    }
  }

  private asUpstreamError(
    error: unknown,
    target: UpstreamTarget,
    url: URL,
    signal: AbortSignal,
  ): UpstreamError {
    if (error instanceof UpstreamError) {
      return error;
    }
    if (signal.aborted || (error as Error)?.name === 'TimeoutError') {
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
