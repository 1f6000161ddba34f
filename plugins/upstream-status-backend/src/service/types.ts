/** The kinds of upstream whose cards and tabs the portal gates on reachability. */
export type UpstreamKind = 'gitlab' | 'argocd' | 'kubernetes';

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

export interface UpstreamStatus {
  kind: UpstreamKind;
  name: string;
  origin: string;
  /** True when the upstream answered with any HTTP status (401 still means it is there). */
  reachable: boolean;
  /** HTTP status of the probe, when there was one. */
  status?: number;
  /** Why it is unreachable, in words a person can act on. */
  error?: string;
  checkedAt: string;
}

export interface UpstreamStatusService {
  list(): Promise<UpstreamStatus[]>;
}
