import { ConfigReader } from '@backstage/config';
import { datadogConnection } from './datadogConnection';

const keys = { apiKey: 'k', appKey: 'a' };

describe('datadogConnection', () => {
  it.each([
    ['datadoghq.com', 'https://api.datadoghq.com', 'https://app.datadoghq.com'],
    ['datadoghq.eu', 'https://api.datadoghq.eu', 'https://app.datadoghq.eu'],
    [
      'us3.datadoghq.com',
      'https://api.us3.datadoghq.com',
      'https://us3.datadoghq.com',
    ],
    [
      'us5.datadoghq.com',
      'https://api.us5.datadoghq.com',
      'https://us5.datadoghq.com',
    ],
    [
      'ap1.datadoghq.com',
      'https://api.ap1.datadoghq.com',
      'https://ap1.datadoghq.com',
    ],
    ['ddog-gov.com', 'https://api.ddog-gov.com', 'https://app.ddog-gov.com'],
  ])('maps site %s to its API and app origins', (site, api, app) => {
    expect(
      datadogConnection(new ConfigReader({ datadog: { site, ...keys } })),
    ).toMatchObject({ configured: true, apiBaseUrl: api, appBaseUrl: app });
  });

  it('defaults to datadoghq.com', () => {
    expect(
      datadogConnection(new ConfigReader({ datadog: keys })),
    ).toMatchObject({
      configured: true,
      site: 'datadoghq.com',
      apiBaseUrl: 'https://api.datadoghq.com',
    });
  });

  it('is not configured, naming what to set, without keys', () => {
    const connection = datadogConnection(
      new ConfigReader({ datadog: { apiKey: 'k' } }),
    );
    expect(connection.configured).toBe(false);
    expect(connection.configured ? '' : connection.reason).toBe(
      'Datadog is not configured: set datadog.appKey (DATADOG_APP_KEY).',
    );
  });

  it('is not configured, listing the sites, for an unknown site', () => {
    const connection = datadogConnection(
      new ConfigReader({ datadog: { site: 'datadog.eu', ...keys } }),
    );
    expect(connection.configured ? '' : connection.reason).toMatch(
      /'datadog.eu' is not a Datadog site; use one of datadoghq.com, datadoghq.eu/,
    );
  });

  it('lets apiBaseUrl and appBaseUrl override the site', () => {
    expect(
      datadogConnection(
        new ConfigReader({
          datadog: {
            ...keys,
            apiBaseUrl: 'http://localhost:7104/',
            appBaseUrl: 'https://acme.datadoghq.com',
          },
        }),
      ),
    ).toMatchObject({
      apiBaseUrl: 'http://localhost:7104',
      appBaseUrl: 'https://acme.datadoghq.com',
    });
  });

  it('refuses to send the keys over plain http off loopback, or to a URL with credentials', () => {
    const read = (apiBaseUrl: string) => () =>
      datadogConnection(new ConfigReader({ datadog: { ...keys, apiBaseUrl } }));
    expect(read('http://datadog-proxy.internal')).toThrow(
      "datadog.apiBaseUrl must use https (the Datadog keys are sent with every request); plain http is accepted on localhost only, got 'http://datadog-proxy.internal'",
    );
    expect(read('https://user:secret@proxy.internal')).toThrow(
      'datadog.apiBaseUrl must not contain a user name or password',
    );
    expect(read('http://127.0.0.1:7104')).not.toThrow();
  });

  it('rejects a malformed URL by key', () => {
    expect(() =>
      datadogConnection(
        new ConfigReader({ datadog: { ...keys, apiBaseUrl: 'not a url' } }),
      ),
    ).toThrow("datadog.apiBaseUrl is not a URL: 'not a url'");
  });
});
