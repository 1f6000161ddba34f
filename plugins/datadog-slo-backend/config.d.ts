export interface Config {
  /**
   * Datadog. The connection (`site`, keys, `apiBaseUrl`, `appBaseUrl`) is the upstream layer's
   * (`@internal/upstream-node`); deadlines and size caps are `upstream.*`.
   */
  datadog?: {
    /** How the SLO plugin asks Datadog. */
    slo?: {
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
