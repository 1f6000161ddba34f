export interface Config {
  /**
   * The deploy-status plugin. It reads the Argo CD instances of `argocd.appLocatorMethods`, the
   * clusters of `kubernetes.clusterLocatorMethods` and the GitLab hosts of `integrations.gitlab`;
   * nothing here repeats them. Deadlines and size caps are `upstream.*`.
   */
  deployStatus?: {
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
