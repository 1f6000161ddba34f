import { Health } from '@internal/plugin-deploy-status-common';

/** Argo CD's health of one object: its status code and, where Argo CD gives one, its message. */
export interface HealthVerdict {
  health: Health;
  message?: string;
}

/** A verdict; an empty message (Argo CD's `""`) is left out. */
export function verdict(health: Health, message?: string): HealthVerdict {
  return message ? { health, message } : { health };
}

/** A failed health check whose message is already Argo CD's whole message. */
export class HealthCheckError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HealthCheckError';
  }
}

/**
 * Runs one health check and never throws: when the object cannot be read the way Argo CD reads
 * it (a Go check fails to convert it to its typed struct, a Lua check raises an error), Argo CD
 * reports Unknown with the error as message, and so does this. `failure` is the start of that
 * message, in Argo CD's wording where it has one.
 */
export function assessed(
  failure: string,
  check: () => HealthVerdict,
): HealthVerdict {
  try {
    return check();
  } catch (error) {
    if (error instanceof HealthCheckError) {
      return { health: 'Unknown', message: error.message };
    }
    const reason = error instanceof Error ? error.message : String(error);
    return { health: 'Unknown', message: `${failure}: ${reason}` };
  }
}

/** Go's `%q` for the names Kubernetes allows (quotes and escapes like JSON for these). */
export function quoted(value: string): string {
  return JSON.stringify(value);
}
