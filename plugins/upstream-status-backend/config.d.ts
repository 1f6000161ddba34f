export interface Config {
  /** Reachability checks of the portal's upstreams (GitLab, Argo CD, Kubernetes). */
  upstreamStatus?: {
    /**
     * How long one probe may take before the upstream counts as unreachable.
     * @default 2000
     */
    timeoutMs?: number;
    /**
     * How long a probe result is reused before the upstream is asked again.
     * @default 15000
     */
    cacheMs?: number;
  };
}
