/**
 * Datadog SLOs and error budgets of catalog entities, read server-side.
 *
 * @packageDocumentation
 */

export { datadogSloPlugin as default } from './plugin';
