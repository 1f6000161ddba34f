/**
 * Test helpers for other packages: a fake Datadog on loopback that answers in Datadog's own
 * wire format, validated against its published OpenAPI document. Used by the end-to-end tests.
 *
 * @packageDocumentation
 */

export { startFakeDatadog } from './fakeDatadog';
export type {
  FakeDatadog,
  FakeDatadogOptions,
  RecordedRequest,
} from './fakeDatadog';
export { fakeSlo } from './fakeSlo';
export type { FakeSlo } from './fakeSlo';
export { assertDatadogSchema } from './datadogContract';
