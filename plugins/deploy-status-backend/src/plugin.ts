import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { upstreamServiceRef } from '@internal/upstream-node';
import { readDeployStatusConfig } from './config/readDeployStatusConfig';
import { FleetService } from './fleet/FleetService';
import { createRouter } from './router';
import { DeployStatusService } from './service/DeployStatusService';
import { EntityEnvironments } from './service/entityEnvironments';

/** What runs in each environment and whether it is healthy: `/api/deploy-status`. */
export const deployStatusPlugin = createBackendPlugin({
  pluginId: 'deploy-status',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        auth: coreServices.auth,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        catalog: catalogServiceRef,
        upstream: upstreamServiceRef,
      },
      async init({
        config,
        logger,
        auth,
        httpAuth,
        httpRouter,
        catalog,
        upstream,
      }) {
        logger.info(
          `Deploy status reads ${upstream.argocdInstances.length} Argo CD instance(s) and ${upstream.clusters.length} cluster(s), ${upstream.settings.timeoutMs} ms per request`,
        );
        const deployStatusConfig = readDeployStatusConfig(config);
        const environments = new EntityEnvironments(catalog, auth);
        const deployStatus = new DeployStatusService({
          config: deployStatusConfig,
          upstream,
          environments,
        });
        const fleet = new FleetService({
          config: deployStatusConfig,
          upstream,
          catalog,
          auth,
          environments,
          logger,
        });
        httpRouter.use(
          await createRouter({ httpAuth, catalog, deployStatus, fleet }),
        );
      },
    });
  },
});
