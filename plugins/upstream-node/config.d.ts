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
  /**
   * The portal's Datadog, read server-side by `@internal/upstream-node` (the datadog-slo plugin
   * asks through it). Without both keys the backend still starts and Datadog reads as not
   * configured. Plugins keep their own options under it (`datadog.slo`).
   */
  datadog?: {
    /**
     * Datadog site: datadoghq.com, datadoghq.eu, us3.datadoghq.com, us5.datadoghq.com,
     * ap1.datadoghq.com, ap2.datadoghq.com or ddog-gov.com.
     * @default datadoghq.com
     */
    site?: string;
    /**
     * Datadog API key (DD-API-KEY header).
     * @visibility secret
     */
    apiKey?: string;
    /**
     * Datadog application key (DD-APPLICATION-KEY header); the SLO plugin needs the `slos_read`
     * scope.
     * @visibility secret
     */
    appKey?: string;
    /**
     * API origin instead of the site's (`https://api.<site>`), for a proxy or the local sandbox;
     * https, or plain http on localhost only.
     */
    apiBaseUrl?: string;
    /**
     * Web app origin for links instead of the site's, e.g. a custom sub-domain
     * (`https://acme.datadoghq.com`).
     */
    appBaseUrl?: string;
  };
}
