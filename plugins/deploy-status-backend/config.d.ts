export interface Config {
  /**
   * The deploy-status plugin. It reads the Argo CD instances of `argocd.appLocatorMethods`, the
   * clusters of `kubernetes.clusterLocatorMethods` and the GitLab hosts of `integrations.gitlab`;
   * nothing here repeats them.
   */
  deployStatus?: {
    /**
     * How long one upstream request may take, in milliseconds; a slower source is reported as
     * timed out and the others are still shown.
     * @default 3000
     */
    timeoutMs?: number;
    /** How long each source's answers are reused, in seconds. */
    cacheTtlSeconds?: {
      /** @default 10 */
      argocd?: number;
      /** @default 30 */
      gitlab?: number;
      /** @default 10 */
      kubernetes?: number;
    };
  };
}
