import { RetryAfterGate } from './RetryAfterGate';
import { UpstreamError } from './UpstreamError';

export interface GetJsonOptions {
  /** Names the upstream in messages, e.g. `Argo CD instance 'prod'`. */
  label: string;
  headers: Record<string, string>;
  timeoutMs: number;
  gate: RetryAfterGate;
}

/** The error text of an upstream's error body: GitLab, Argo CD and Kubernetes each use one. */
function errorText(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body);
    const text = parsed?.message ?? parsed?.error;
    return typeof text === 'string' ? text : undefined;
  } catch {
    return undefined;
  }
}

/**
 * GET a JSON document from an upstream within a deadline. Timeouts, refused connections, error
 * statuses, 429s and bodies that are not JSON all become an {@link UpstreamError} naming the
 * upstream; a 429 also closes the gate for as long as its Retry-After says.
 */
export async function getJson(
  url: URL,
  options: GetJsonOptions,
): Promise<{ body: unknown; headers: Headers }> {
  const { label, timeoutMs, gate } = options;
  gate.check(url.origin, label);
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { accept: 'application/json', ...options.headers },
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    if ((error as Error)?.name === 'TimeoutError') {
      throw new UpstreamError(
        `${label} did not answer within ${timeoutMs / 1000} s`,
      );
    }
    const cause = (error as { cause?: { code?: string } })?.cause?.code;
    throw new UpstreamError(
      `${label} could not be reached at ${url.origin}${
        cause ? ` (${cause})` : ''
      }`,
    );
  }
  const text = await response.text();
  if (response.status === 429) {
    const waitMs = gate.block(url.origin, response.headers.get('retry-after'));
    throw new UpstreamError(
      `${label} is rate limiting the portal (429); asking again in ${Math.ceil(
        waitMs / 1000,
      )} s, as its Retry-After says`,
      429,
    );
  }
  if (!response.ok) {
    const detail = errorText(text);
    throw new UpstreamError(
      `${label} answered ${response.status}${detail ? `: ${detail}` : ''}`,
      response.status,
    );
  }
  try {
    return { body: JSON.parse(text), headers: response.headers };
  } catch {
    throw new UpstreamError(
      `${label} answered ${
        response.status
      } with a body that is not JSON (${JSON.stringify(text.slice(0, 60))})`,
    );
  }
}
