/**
 * What runs in each environment and whether it is healthy, for catalog entities.
 *
 * @packageDocumentation
 */

export { deployStatusPlugin as default } from './plugin';
