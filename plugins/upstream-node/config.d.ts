export interface Config {
  /**
   * How the portal's backend plugins call GitLab, Argo CD, Kubernetes and Datadog
   * (`@internal/upstream-node`). Instances and clusters are read from `integrations.gitlab`,
   * `argocd.appLocatorMethods`, `kubernetes.clusterLocatorMethods` and `datadog`; nothing here
   * repeats them.
   */
  upstream?: {
    /**
     * How long one upstream request may take, in milliseconds; a slower source is reported as
     * timed out and the others are still shown.
     * @default 3000
     */
    timeoutMs?: number;
    /**
     * The largest answer read from an upstream, in bytes; a larger one fails its source with a
     * message naming this key.
     * @default 16777216
     */
    maxResponseBytes?: number;
  };
}
