import type {
  UpstreamKind,
  UpstreamStatus,
} from '@internal/plugin-upstream-status-common';

export type { UpstreamKind, UpstreamStatus };

export interface UpstreamStatusService {
  list(): Promise<UpstreamStatus[]>;
}
