import { createApiRef } from '@backstage/frontend-plugin-api';

/** Mirrors the answer of the upstream-status backend (`GET /upstreams`). */
export type UpstreamKind = 'gitlab' | 'argocd' | 'kubernetes';

export interface UpstreamStatus {
  kind: UpstreamKind;
  name: string;
  origin: string;
  reachable: boolean;
  status?: number;
  error?: string;
  checkedAt: string;
}

export interface UpstreamStatusApi {
  listUpstreams(): Promise<UpstreamStatus[]>;
}

export const upstreamStatusApiRef = createApiRef<UpstreamStatusApi>({
  id: 'plugin.upstream-status.api',
});
