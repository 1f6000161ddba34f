/**
 * The answer of `GET /api/upstream-status/upstreams`, shared by backend and frontend.
 *
 * @packageDocumentation
 */

/** The kinds of upstream whose cards and tabs the portal gates on reachability. */
export type UpstreamKind = 'gitlab' | 'argocd' | 'kubernetes' | 'datadog';

/** Whether one configured upstream answered the portal's last call to it. Never holds credentials. */
export interface UpstreamStatus {
  kind: UpstreamKind;
  /** The configured instance name (GitLab host, Argo CD instance, Kubernetes cluster). */
  name: string;
  /** Origin shown to people, e.g. `https://gitlab.example.com`. */
  origin: string;
  /** True when the upstream answered with any HTTP status below 500 (401 still means it is there). */
  reachable: boolean;
  /** HTTP status of the probe, when there was one. */
  status?: number;
  /** Why it is unreachable, in words a person can act on. */
  error?: string;
  /** When the portal's last call to it was made; absent when no call was made recently. */
  checkedAt?: string;
}

/** Body of `GET /api/upstream-status/upstreams`. */
export interface UpstreamStatusResponse {
  upstreams: UpstreamStatus[];
}
