import { ConfigReader } from '@backstage/config';
import { readDatadogSloSettings } from './readDatadogSloSettings';

describe('readDatadogSloSettings', () => {
  it('defaults to the documented options', () => {
    expect(readDatadogSloSettings(new ConfigReader({}))).toEqual({
      cacheSeconds: 60,
      historyCacheSeconds: 300,
      maxConcurrentRequests: 16,
    });
  });

  it('rejects malformed numbers by key', () => {
    const read = (slo: object) => () =>
      readDatadogSloSettings(new ConfigReader({ datadog: { slo } }));
    expect(read({ cacheSeconds: 0 })).toThrow(
      'datadog.slo.cacheSeconds must be a positive number, got 0',
    );
    expect(read({ maxConcurrentRequests: 0.5 })).toThrow(
      'datadog.slo.maxConcurrentRequests must be a whole number, got 0.5',
    );
  });
});
