import type {
  UpstreamKind,
  UpstreamStatus,
} from '@internal/plugin-upstream-status-common';

export type { UpstreamKind, UpstreamStatus };

/** An upstream endpoint read from configuration. Never holds credentials. */
export interface Upstream {
  kind: UpstreamKind;
  /** The configured instance name (GitLab host, Argo CD instance, Kubernetes cluster). */
  name: string;
  /** Origin shown to people, e.g. `https://gitlab.example.com`. */
  origin: string;
  /** A cheap endpoint that answers without side effects. */
  probeUrl: string;
}

export interface UpstreamStatusService {
  list(): Promise<UpstreamStatus[]>;
}
