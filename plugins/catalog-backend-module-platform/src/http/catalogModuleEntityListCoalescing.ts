import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { coalesceEntityListWrites } from './coalesceEntityListWrites';

/** Entity lists answered in one piece, so compressing them costs one zlib pass. */
export const catalogModuleEntityListCoalescing = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'platform-entity-list-coalescing',
  register(reg) {
    reg.registerInit({
      deps: { httpRouter: coreServices.httpRouter },
      async init({ httpRouter }) {
        // Modules start before their plugin, so this runs ahead of the catalog's own routes.
        httpRouter.use(coalesceEntityListWrites());
      },
    });
  },
});
