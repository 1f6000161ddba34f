import { createBackendModule } from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { FilePerLocationProcessor } from './processors/FilePerLocationProcessor';
import { PlatformKindsProcessor } from './kinds/PlatformKindsProcessor';

export const catalogModulePlatform = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'platform',
  register(reg) {
    reg.registerInit({
      deps: { catalog: catalogProcessingExtensionPoint },
      async init({ catalog }) {
        catalog.addProcessor(
          new FilePerLocationProcessor(),
          new PlatformKindsProcessor(),
        );
      },
    });
  },
});
