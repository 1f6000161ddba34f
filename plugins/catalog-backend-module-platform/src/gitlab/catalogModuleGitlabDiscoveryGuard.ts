import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { GitlabDiscoveryEntityProvider } from '@backstage/plugin-catalog-backend-module-gitlab';
import { upstreamServiceRef } from '@internal/upstream-node';
import { guardGitlabDiscovery } from './guardGitlabDiscovery';
import { organisationProviderIds } from '../trust/catalogTrust';

/**
 * GitLab discovery of catalog-info.yaml (catalog.providers.gitlab), with scans that are
 * all-or-nothing. Replaces @backstage/plugin-catalog-backend-module-gitlab's own module, which
 * must not be added as well.
 */
export const catalogModuleGitlabDiscoveryGuard = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'platform-gitlab-discovery',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        upstream: upstreamServiceRef,
      },
      async init({ catalog, config, logger, scheduler, upstream }) {
        // An entry with orgEnabled is the organisation import only
        // (@backstage/plugin-catalog-backend-module-gitlab-org reads it); it is not scanned for
        // catalog files, which the stock provider would do for every entry.
        const organisationOnly = new Set(
          organisationProviderIds(config).map(
            id => `GitlabDiscoveryEntityProvider:${id}`,
          ),
        );
        catalog.addEntityProvider(
          GitlabDiscoveryEntityProvider.fromConfig(config, {
            logger,
            scheduler,
          })
            .filter(
              provider => !organisationOnly.has(provider.getProviderName()),
            )
            .map(provider => guardGitlabDiscovery(provider, upstream)),
        );
      },
    });
  },
});
