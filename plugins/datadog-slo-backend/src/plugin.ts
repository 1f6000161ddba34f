import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { upstreamServiceRef } from '@internal/upstream-node';
import { readDatadogSloSettings } from './config/readDatadogSloSettings';
import { createRouter } from './router';
import { SloRollupService } from './service/SloRollupService';
import { SloService } from './service/SloService';

/** Datadog SLOs and error budgets of catalog entities: `/api/datadog-slo`. */
export const datadogSloPlugin = createBackendPlugin({
  pluginId: 'datadog-slo',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        cache: coreServices.cache,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        catalog: catalogServiceRef,
        upstream: upstreamServiceRef,
      },
      async init({
        config,
        logger,
        cache,
        httpAuth,
        httpRouter,
        catalog,
        upstream,
      }) {
        const connection = upstream.datadog;
        if (connection.configured) {
          logger.info(`Datadog SLOs are read from ${connection.apiBaseUrl}`);
        } else {
          // The backend starts anyway; the SLO card shows the same sentence.
          logger.warn(connection.reason);
        }
        const slos = new SloService({
          connection,
          http: upstream.http,
          settings: readDatadogSloSettings(config),
          cache,
          logger,
        });
        const rollups = new SloRollupService(slos, catalog);
        httpRouter.use(
          await createRouter({ httpAuth, catalog, slos, rollups }),
        );
      },
    });
  },
});
