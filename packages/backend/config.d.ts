export interface Config {
  /**
   * Datadog connection, read from the environment in production. Declared here so the keys are
   * treated as secrets (never sent to the browser, redacted from logs) before the Datadog SLO
   * plugin (issue #6) takes this schema over.
   */
  datadog?: {
    /**
     * Datadog site, e.g. datadoghq.com, datadoghq.eu, us3.datadoghq.com.
     * @default datadoghq.com
     */
    site?: string;
    /**
     * Datadog API key.
     * @visibility secret
     */
    apiKey?: string;
    /**
     * Datadog application key.
     * @visibility secret
     */
    appKey?: string;
  };
}
