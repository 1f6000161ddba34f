import { createBackendModule } from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { PlatformKindsProcessor } from './PlatformKindsProcessor';

/** The Pipeline and Environment kinds: validated, with their relations in both directions. */
export const catalogModulePlatformKinds = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'platform-kinds',
  register(reg) {
    reg.registerInit({
      deps: { catalog: catalogProcessingExtensionPoint },
      async init({ catalog }) {
        catalog.addProcessor(new PlatformKindsProcessor());
      },
    });
  },
});
