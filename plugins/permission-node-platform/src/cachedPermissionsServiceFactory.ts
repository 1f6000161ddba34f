import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { ServerPermissionClient } from '@backstage/plugin-permission-node';
import { CachedPermissionsService } from './CachedPermissionsService';

const TTL_KEY = 'permission.platform.decisionCacheSeconds';
const DEFAULT_TTL_SECONDS = 5;
/** ~1 kB each: a busy portal's users' recent checks, with room to spare. */
const MAX_DECISIONS = 10_000;

/**
 * Replaces Backstage's permissions service in every plugin with {@link CachedPermissionsService}:
 * the same client, with a user's decisions reused for `permission.platform.decisionCacheSeconds`
 * (default 5; 0 turns the reuse off).
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
    if (!Number.isFinite(seconds) || seconds < 0) {
      throw new Error(
        `${TTL_KEY} must be a number of seconds, 0 or more (0 turns the reuse off); got ${seconds}`,
      );
    }
    return new CachedPermissionsService(
      ServerPermissionClient.fromConfig(config, { auth, discovery }),
      auth,
      { ttlMs: seconds * 1000, maxEntries: MAX_DECISIONS },
    );
  },
});
