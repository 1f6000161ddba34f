import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { ServerPermissionClient } from '@backstage/plugin-permission-node';
import { CachedPermissionsService } from './CachedPermissionsService';

const TTL_KEY = 'permission.platform.decisionCacheSeconds';
const DEFAULT_TTL_SECONDS = 5;
/** Longer would leave a policy change unseen for too long; this is a latency aid, not a store. */
const MAX_TTL_SECONDS = 60;
/** Per plugin: a busy portal's users' recent checks, with room to spare. */
const MAX_DECISIONS = 10_000;

/**
 * Replaces Backstage's permissions service in every plugin with {@link CachedPermissionsService}:
 * the same client, with a user's decisions reused for `permission.platform.decisionCacheSeconds`
 * (default 5, at most 60; 0 turns the reuse off).
 */
export const cachedPermissionsServiceFactory = createServiceFactory({
  service: coreServices.permissions,
  deps: {
    auth: coreServices.auth,
    config: coreServices.rootConfig,
    discovery: coreServices.discovery,
  },
  async factory({ auth, config, discovery }) {
    const seconds = config.getOptionalNumber(TTL_KEY) ?? DEFAULT_TTL_SECONDS;
    if (!Number.isFinite(seconds) || seconds < 0 || seconds > MAX_TTL_SECONDS) {
      throw new Error(
        `${TTL_KEY} must be a number of seconds from 0 (the reuse off) to ${MAX_TTL_SECONDS}; got ${seconds}`,
      );
    }
    return new CachedPermissionsService(
      ServerPermissionClient.fromConfig(config, { auth, discovery }),
      auth,
      { ttlMs: seconds * 1000, maxEntries: MAX_DECISIONS },
    );
  },
});
