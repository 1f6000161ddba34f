import { createBackendPlugin } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  CatalogService,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import catalogModulePlatform from '@internal/plugin-catalog-backend-module-platform';
import { CatalogEntityValidator } from '../workspace/catalogInfo';

/**
 * A real catalog (the catalog backend with this portal's module: Pipeline and Environment
 * kinds) and the `CatalogService` a plugin gets for it, exactly as the scaffolder gets it.
 */
export async function startCatalog() {
  let catalog: CatalogService | undefined;
  const catalogUser = createBackendPlugin({
    pluginId: 'catalog-user',
    register(reg) {
      reg.registerInit({
        deps: { catalogService: catalogServiceRef },
        async init({ catalogService }) {
          catalog = catalogService;
        },
      });
    },
  });
  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      catalogModulePlatform,
      catalogUser,
      mockServices.rootConfig.factory({ data: { catalog: { locations: [] } } }),
    ],
  });
  const service = catalog!;
  const validator: CatalogEntityValidator = {
    validateEntity: (entity, locationRef) =>
      service.validateEntity(entity, locationRef, {
        credentials: mockCredentials.user(),
      }),
  };
  return { backend, catalog: service, validator };
}
