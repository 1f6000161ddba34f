import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { GitlabDiscoveryEntityProvider } from '@backstage/plugin-catalog-backend-module-gitlab';
import { FilePerLocationProcessor } from './processors/FilePerLocationProcessor';
import { PlatformKindsProcessor } from './kinds/PlatformKindsProcessor';
import { guardGitlabDiscovery } from './gitlab/guardGitlabDiscovery';

export const catalogModulePlatform = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'platform',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
      },
      async init({ catalog, config, logger, scheduler }) {
        catalog.addProcessor(
          new FilePerLocationProcessor(),
          new PlatformKindsProcessor(),
        );
        // GitLab discovery of catalog-info.yaml (catalog.providers.gitlab), with scans that are
        // all-or-nothing. Replaces @backstage/plugin-catalog-backend-module-gitlab's own module,
        // which must not be added as well.
        catalog.addEntityProvider(
          GitlabDiscoveryEntityProvider.fromConfig(config, {
            logger,
            scheduler,
          }).map(provider => guardGitlabDiscovery(provider)),
        );
      },
    });
  },
});
