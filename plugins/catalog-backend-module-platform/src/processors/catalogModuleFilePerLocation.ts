import { createBackendModule } from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { FilePerLocationProcessor } from './FilePerLocationProcessor';

/** One Location per file matched by a `file` glob, so a broken file fails alone. */
export const catalogModuleFilePerLocation = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'platform-file-per-location',
  register(reg) {
    reg.registerInit({
      deps: { catalog: catalogProcessingExtensionPoint },
      async init({ catalog }) {
        catalog.addProcessor(new FilePerLocationProcessor());
      },
    });
  },
});
