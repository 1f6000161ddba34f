import { SloTimeframe } from '@internal/plugin-datadog-slo-common';

export const TIMEFRAME_SECONDS: Record<SloTimeframe, number> = {
  '7d': 7 * 86400,
  '30d': 30 * 86400,
  '90d': 90 * 86400,
};
