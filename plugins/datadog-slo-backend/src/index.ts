/**
 * Datadog SLOs and error budgets of catalog entities, read server-side.
 *
 * @packageDocumentation
 */

import { datadogConnection } from '@internal/upstream-node';

export { datadogSloPlugin as default } from './plugin';

/**
 * @deprecated The Datadog connection is the upstream layer's: use `datadogConnection` (or
 * `upstreamServiceRef`'s `datadog`) from `@internal/upstream-node`. Kept for the backend's
 * strict-config test until it imports from there.
 */
export const readDatadogConfig = datadogConnection;
