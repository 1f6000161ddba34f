import { Config } from '@backstage/config';
import { readPositiveNumber } from '@internal/upstream-node';

/**
 * The SLO plugin's own options (`datadog.slo.*`). The connection (site, keys, origins) is the
 * upstream layer's `datadog`; deadlines and size caps are `upstream.*`.
 */
export interface DatadogSloSettings {
  cacheSeconds: number;
  historyCacheSeconds: number;
  maxConcurrentRequests: number;
}

/** Reads `datadog.slo.*`; a malformed number stops the backend, naming the key. */
export function readDatadogSloSettings(config: Config): DatadogSloSettings {
  const maxConcurrentRequests = readPositiveNumber(
    config,
    'datadog.slo.maxConcurrentRequests',
    16,
  );
  if (!Number.isInteger(maxConcurrentRequests)) {
    throw new Error(
      `datadog.slo.maxConcurrentRequests must be a whole number, got ${maxConcurrentRequests}`,
    );
  }
  return {
    cacheSeconds: readPositiveNumber(config, 'datadog.slo.cacheSeconds', 60),
    historyCacheSeconds: readPositiveNumber(
      config,
      'datadog.slo.historyCacheSeconds',
      300,
    ),
    maxConcurrentRequests,
  };
}
