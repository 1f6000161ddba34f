/** What went wrong with an upstream, so callers can word it or decide on it without parsing text. */
export type UpstreamFailure =
  /** No answer within the deadline. */
  | 'timeout'
  /** No connection: refused, DNS, TLS (an unknown CA lands here). */
  | 'unreachable'
  /** 429, or held back by the Retry-After gate. */
  | 'rate-limited'
  /** 401 or 403: the portal's credentials are not accepted. */
  | 'forbidden'
  /** 404 */
  | 'not-found'
  /** Another 4xx: the request was refused. */
  | 'bad-request'
  /** A 5xx. */
  | 'upstream'
  /** An answer the portal cannot read: not JSON, or not the expected shape. */
  | 'bad-answer'
  /** An answer larger than the size cap. */
  | 'too-large';

/**
 * A source that could not answer. The message is shown to people as that source's error, so it
 * names the upstream and says what happened; it never contains a credential.
 */
export class UpstreamError extends Error {
  readonly name = 'UpstreamError';
  readonly failure: UpstreamFailure;
  /** The upstream's HTTP status, when it answered. */
  readonly status?: number;

  constructor(
    message: string,
    options: { failure: UpstreamFailure; status?: number },
  ) {
    super(message);
    this.failure = options.failure;
    this.status = options.status;
  }
}

/** A message for anything thrown while asking an upstream. */
export function upstreamMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The failure kind an HTTP error status stands for. */
export function failureOfStatus(status: number): UpstreamFailure {
  if (status === 429) return 'rate-limited';
  if (status === 401 || status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status >= 500) return 'upstream';
  return 'bad-request';
}
