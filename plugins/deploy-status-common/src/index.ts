/**
 * Types and health rules shared by the deploy-status backend and frontend plugins.
 *
 * @packageDocumentation
 */

export * from './health';
export * from './types';
export * from './deployedRevision';
export * from './fleet';
