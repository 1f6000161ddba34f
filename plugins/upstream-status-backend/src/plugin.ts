import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { createRouter } from './router';
import { DefaultUpstreamStatusService } from './service/DefaultUpstreamStatusService';

/** Reachability of the portal's upstreams: `GET /api/upstream-status/upstreams`. */
export const upstreamStatusPlugin = createBackendPlugin({
  pluginId: 'upstream-status',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
      },
      async init({ config, httpAuth, httpRouter }) {
        const upstreamStatus = DefaultUpstreamStatusService.fromConfig(config);
        httpRouter.use(await createRouter({ httpAuth, upstreamStatus }));
      },
    });
  },
});
