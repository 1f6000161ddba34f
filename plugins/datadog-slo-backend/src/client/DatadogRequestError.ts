import { SloProblem } from '@internal/plugin-datadog-slo-common';

/** A request to Datadog that failed, classified so the portal can say what to do about it. */
export class DatadogRequestError extends Error {
  constructor(
    readonly kind: SloProblem['kind'],
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'DatadogRequestError';
  }
}

/** Any thrown value as a problem the API can return. Unknown errors keep their message. */
export function toSloProblem(
  error: unknown,
  extra: Partial<SloProblem> = {},
): SloProblem {
  if (error instanceof DatadogRequestError) {
    return { kind: error.kind, message: error.message, ...extra };
  }
  return {
    kind: 'upstream',
    message: error instanceof Error ? error.message : String(error),
    ...extra,
  };
}
