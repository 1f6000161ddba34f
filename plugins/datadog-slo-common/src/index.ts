/**
 * Types and state rules shared by the Datadog SLO backend and frontend plugins, and by any
 * plugin that shows an entity's SLO state (the deploy-status matrix reads `environments`).
 *
 * @packageDocumentation
 */

export * from './types';
export * from './states';
