/**
 * A source that could not answer: timed out, refused, rate limited, or answered something the
 * plugin cannot read. The message is shown to people as that source's error, so it names the
 * upstream and says what happened; it never contains a credential.
 */
export class UpstreamError extends Error {
  readonly name = 'UpstreamError';

  constructor(
    message: string,
    /** The upstream's HTTP status, when it answered. */
    readonly status?: number,
  ) {
    super(message);
  }
}

/** A message for anything thrown while asking an upstream. */
export function upstreamMessage(error: unknown): string {
  if (error instanceof UpstreamError) {
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
