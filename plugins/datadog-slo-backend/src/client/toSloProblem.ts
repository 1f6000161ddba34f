import { UpstreamError, UpstreamFailure } from '@internal/upstream-node';
import { SloProblem } from '@internal/plugin-datadog-slo-common';

/** The problem kinds of the SLO card, per failure of the upstream layer. */
const KINDS: Record<UpstreamFailure, SloProblem['kind']> = {
  timeout: 'timeout',
  unreachable: 'unreachable',
  'rate-limited': 'rate-limited',
  forbidden: 'forbidden',
  'not-found': 'not-found',
  'bad-request': 'bad-request',
  upstream: 'upstream',
  'bad-answer': 'upstream',
  'too-large': 'upstream',
};

/** What a person can do about a failure, after the layer's sentence saying what happened. */
const WHAT_TO_DO: Partial<Record<UpstreamFailure, string>> = {
  forbidden:
    'Datadog rejected the API or application key. Check datadog.apiKey and datadog.appKey, and that the application key has the slos_read scope.',
  'rate-limited': 'The SLOs will load after that.',
  timeout: 'upstream.timeoutMs sets how long the portal waits.',
  'too-large': 'Narrow the annotation, or raise the limit.',
};

/** Any thrown value as a problem the API can return. Unknown errors keep their message. */
export function toSloProblem(
  error: unknown,
  extra: Partial<SloProblem> = {},
): SloProblem {
  if (error instanceof UpstreamError) {
    const hint = WHAT_TO_DO[error.failure];
    return {
      kind: KINDS[error.failure],
      message: `${error.message}.${hint ? ` ${hint}` : ''}`,
      ...extra,
    };
  }
  return {
    kind: 'upstream',
    message: error instanceof Error ? error.message : String(error),
    ...extra,
  };
}

/** Whether Datadog refused the request itself (400): for a query or ids, the annotation is wrong. */
export function isRefusedRequest(error: unknown): boolean {
  return error instanceof UpstreamError && error.status === 400;
}
