import { createApiRef } from '@backstage/frontend-plugin-api';
import type { UpstreamStatus } from '@internal/plugin-upstream-status-common';

export type {
  UpstreamKind,
  UpstreamStatus,
} from '@internal/plugin-upstream-status-common';

export interface UpstreamStatusApi {
  listUpstreams(): Promise<UpstreamStatus[]>;
}

export const upstreamStatusApiRef = createApiRef<UpstreamStatusApi>({
  id: 'plugin.upstream-status.api',
});
