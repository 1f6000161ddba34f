export interface Config {
  /**
   * Datadog, read server-side by the datadog-slo plugin. Without both keys the backend still
   * starts and the SLO card says Datadog is not configured.
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
     * Datadog application key (DD-APPLICATION-KEY header); needs the `slos_read` scope.
     * @visibility secret
     */
    appKey?: string;
    /**
     * API origin instead of the site's (`https://api.<site>`), for a proxy or the local sandbox.
     */
    apiBaseUrl?: string;
    /**
     * Web app origin for links instead of the site's, e.g. a custom sub-domain
     * (`https://acme.datadoghq.com`).
     */
    appBaseUrl?: string;
    /** How the SLO plugin asks Datadog. */
    slo?: {
      /**
       * How long one request to Datadog may take, in milliseconds.
       * @default 5000
       */
      timeoutMs?: number;
      /**
       * How long an entity's SLO list is served from cache before Datadog is asked again, in seconds.
       * @default 60
       */
      cacheSeconds?: number;
      /**
       * How long an SLO's burn-down history is served from cache, in seconds.
       * @default 300
       */
      historyCacheSeconds?: number;
      /**
       * How many requests to Datadog one backend instance sends at once.
       * @default 16
       */
      maxConcurrentRequests?: number;
    };
  };
}
