/**
 * Datadog SLOs in the portal: a card and a tab with error budget burn-down charts on services,
 * and a rollup tab on systems and groups. Talks only to the datadog-slo backend.
 *
 * @packageDocumentation
 */
export { datadogSloPlugin as default } from './plugin';
export { datadogSloApiRef, type DatadogSloApi } from './api/DatadogSloApi';
export { DatadogSloBackendClient } from './api/DatadogSloBackendClient';
export { EntitySloCard } from './components/EntitySloCard';
export { EntitySloContent } from './components/EntitySloContent';
export { SloRollupContent } from './components/SloRollupContent';
export { StateChip } from './components/StateChip';
export { BudgetBar } from './components/BudgetBar';
