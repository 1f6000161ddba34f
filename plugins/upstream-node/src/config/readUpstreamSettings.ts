import { Config } from '@backstage/config';

export interface UpstreamSettings {
  timeoutMs: number;
  maxResponseBytes: number;
}

/** A positive number setting, or its default; anything else stops the backend naming the key. */
export function readPositiveNumber(
  config: Config,
  key: string,
  fallback: number,
): number {
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
    timeoutMs: readPositiveNumber(config, 'upstream.timeoutMs', 3000),
    maxResponseBytes: readPositiveNumber(
      config,
      'upstream.maxResponseBytes',
      16 * 1024 * 1024,
    ),
  };
}
