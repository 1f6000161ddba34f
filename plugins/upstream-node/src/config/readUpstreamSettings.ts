import { Config } from '@backstage/config';

export interface UpstreamSettings {
  timeoutMs: number;
  maxResponseBytes: number;
}

function positive(config: Config, key: string, fallback: number): number {
  const value = config.getOptionalNumber(key);
  if (value === undefined) {
    return fallback;
  }
  if (!(value > 0)) {
    throw new Error(`${key} must be a positive number, got ${value}`);
  }
  return value;
}

/** `upstream.*`: how long one request may take and how large one answer may be. */
export function readUpstreamSettings(config: Config): UpstreamSettings {
  return {
    timeoutMs: positive(config, 'upstream.timeoutMs', 3000),
    maxResponseBytes: positive(
      config,
      'upstream.maxResponseBytes',
      16 * 1024 * 1024,
    ),
  };
}
