import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { readDeployStatusConfig } from './config/readDeployStatusConfig';
import { createRouter } from './router';
import { DeployStatusService } from './service/DeployStatusService';
import { EntityEnvironments } from './service/entityEnvironments';
import { UpstreamCache } from './upstream/UpstreamCache';

/** What runs in each environment and whether it is healthy: `/api/deploy-status`. */
export const deployStatusPlugin = createBackendPlugin({
  pluginId: 'deploy-status',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        cache: coreServices.cache,
        auth: coreServices.auth,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        catalog: catalogServiceRef,
      },
      async init({
        config,
        logger,
        cache,
        auth,
        httpAuth,
        httpRouter,
        catalog,
      }) {
        const settings = readDeployStatusConfig(config);
        logger.info(
          `Deploy status reads ${settings.argocdInstances.length} Argo CD instance(s) and ${settings.clusters.length} cluster(s), ${settings.timeoutMs} ms per request`,
        );
        const deployStatus = new DeployStatusService({
          config: settings,
          integrations: ScmIntegrations.fromConfig(config),
          cache: new UpstreamCache(cache),
          environments: new EntityEnvironments(catalog, auth),
        });
        httpRouter.use(await createRouter({ httpAuth, catalog, deployStatus }));
      },
    });
  },
});
