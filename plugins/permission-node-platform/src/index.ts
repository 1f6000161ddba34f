/**
 * The portal's permissions service: Backstage's, with a signed-in user's decisions reused for a
 * few seconds. Added to the backend as a service factory.
 */
export { cachedPermissionsServiceFactory as default } from './cachedPermissionsServiceFactory';
export { cachedPermissionsServiceFactory } from './cachedPermissionsServiceFactory';
export { CachedPermissionsService } from './CachedPermissionsService';
export type { DecisionCacheOptions } from './CachedPermissionsService';
