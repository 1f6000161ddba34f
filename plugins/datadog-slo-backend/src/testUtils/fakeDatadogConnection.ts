import { ConfigReader } from '@backstage/config';
import {
  DatadogConnection,
  readDatadogConfig,
} from '../config/readDatadogConfig';

/** The keys the fake Datadog accepts unless told otherwise. */
export const FAKE_DATADOG_KEYS = {
  apiKey: 'test-api-key',
  appKey: 'test-app-key',
};

/** A configured connection to a fake Datadog, read through the real config reader. */
export function fakeDatadogConnection(
  apiBaseUrl: string,
  datadog: Record<string, unknown> = {},
): Extract<DatadogConnection, { configured: true }> {
  const connection = readDatadogConfig(
    new ConfigReader({
      datadog: { ...FAKE_DATADOG_KEYS, apiBaseUrl, ...datadog },
    } as any),
  );
  if (!connection.configured) {
    throw new Error(connection.reason);
  }
  return connection;
}
