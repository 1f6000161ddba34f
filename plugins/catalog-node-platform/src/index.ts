/**
 * Catalog helpers shared by the portal's backend plugins.
 *
 * @packageDocumentation
 */

export { RecentEntityLookups } from './RecentEntityLookups';
