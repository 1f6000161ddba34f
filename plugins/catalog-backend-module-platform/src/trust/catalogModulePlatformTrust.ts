import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { readCatalogTrust } from './catalogTrust';
import { CatalogTrustProcessor } from './CatalogTrustProcessor';
import { ORGANISATION_PATH, organisationRouter } from './organisationRouter';

/**
 * Who may define what: the trust rules' processor, and `GET /api/catalog/platform/organisation`,
 * which tells the sign-in page where the catalog's people come from.
 */
export const catalogModulePlatformTrust = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'platform-trust',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
      },
      async init({ catalog, config, httpRouter, logger }) {
        const trust = readCatalogTrust(config);
        catalog.addProcessor(new CatalogTrustProcessor(trust));
        httpRouter.use(organisationRouter(trust));
        httpRouter.addAuthPolicy({
          path: ORGANISATION_PATH,
          allow: 'unauthenticated',
        });
        logger.info('Catalog trust rules', {
          organisationImports: trust.organisationImports
            .map(o => `${o.providerId} (${o.host} ${o.group})`)
            .join(', '),
          trustedLocations: trust.platformLocations.join(', '),
        });
      },
    });
  },
});
