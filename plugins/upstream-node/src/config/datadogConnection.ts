import { Config } from '@backstage/config';

/** Datadog sites and their web app origins; the API is always `https://api.<site>`. */
const SITES: Record<string, string> = {
  'datadoghq.com': 'https://app.datadoghq.com',
  'datadoghq.eu': 'https://app.datadoghq.eu',
  'us3.datadoghq.com': 'https://us3.datadoghq.com',
  'us5.datadoghq.com': 'https://us5.datadoghq.com',
  'ap1.datadoghq.com': 'https://ap1.datadoghq.com',
  'ap2.datadoghq.com': 'https://ap2.datadoghq.com',
  'ddog-gov.com': 'https://app.ddog-gov.com',
};

export const KNOWN_DATADOG_SITES = Object.keys(SITES);

/** The portal's Datadog, or why there is none. The keys never leave the backend. */
export type DatadogConnection =
  | {
      configured: true;
      site: string;
      apiBaseUrl: string;
      appBaseUrl: string;
      apiKey: string;
      appKey: string;
    }
  | {
      configured: false;
      site: string;
      /** What to set, in words a person can act on. */
      reason: string;
    };

export type ConfiguredDatadogConnection = Extract<
  DatadogConnection,
  { configured: true }
>;

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * An origin the keys may be sent to: https, or http on loopback only (the local sandbox), and
 * without credentials of its own, which would otherwise appear in logs and error messages.
 */
function origin(value: string, key: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`datadog.${key} is not a URL: '${value}'`);
  }
  if (url.username || url.password) {
    throw new Error(`datadog.${key} must not contain a user name or password`);
  }
  if (
    url.protocol !== 'https:' &&
    !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))
  ) {
    throw new Error(
      `datadog.${key} must use https (the Datadog keys are sent with every request); plain http is accepted on localhost only, got '${url.origin}'`,
    );
  }
  return url.toString().replace(/\/+$/, '');
}

/**
 * Reads `datadog.*` (the connection; plugins read their own options under it, e.g.
 * `datadog.slo`). Missing keys or an unknown site give `configured: false` with the reason, so
 * the backend starts and the plugin says what to set; malformed URLs throw, naming the key,
 * because they are typos that a start-up failure surfaces fastest.
 */
export function datadogConnection(root: Config): DatadogConnection {
  const config = root.getOptionalConfig('datadog');
  const site = (config?.getOptionalString('site') ?? 'datadoghq.com')
    .trim()
    .toLowerCase();
  const apiBaseUrlOverride = config?.getOptionalString('apiBaseUrl');
  const appBaseUrlOverride = config?.getOptionalString('appBaseUrl');
  const apiKey = config?.getOptionalString('apiKey')?.trim();
  const appKey = config?.getOptionalString('appKey')?.trim();

  if (!SITES[site] && !apiBaseUrlOverride) {
    return {
      configured: false,
      site,
      reason: `datadog.site '${site}' is not a Datadog site; use one of ${KNOWN_DATADOG_SITES.join(
        ', ',
      )}, or set datadog.apiBaseUrl.`,
    };
  }
  const missing = [
    apiKey ? undefined : 'datadog.apiKey (DATADOG_API_KEY)',
    appKey ? undefined : 'datadog.appKey (DATADOG_APP_KEY)',
  ].filter(Boolean);
  if (!apiKey || !appKey) {
    return {
      configured: false,
      site,
      reason: `Datadog is not configured: set ${missing.join(' and ')}.`,
    };
  }
  return {
    configured: true,
    site,
    apiBaseUrl: apiBaseUrlOverride
      ? origin(apiBaseUrlOverride, 'apiBaseUrl')
      : `https://api.${site}`,
    appBaseUrl: appBaseUrlOverride
      ? origin(appBaseUrlOverride, 'appBaseUrl')
      : SITES[site] ?? `https://app.${site}`,
    apiKey,
    appKey,
  };
}
