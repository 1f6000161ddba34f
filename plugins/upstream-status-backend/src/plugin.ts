import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { upstreamServiceRef } from '@internal/upstream-node';
import { createRouter } from './router';
import { DefaultUpstreamStatusService } from './service/DefaultUpstreamStatusService';

/** What the portal's calls to its upstreams last saw: `GET /api/upstream-status/upstreams`. */
export const upstreamStatusPlugin = createBackendPlugin({
  pluginId: 'upstream-status',
  register(env) {
    env.registerInit({
      deps: {
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        upstream: upstreamServiceRef,
      },
      async init({ httpAuth, httpRouter, upstream }) {
        const upstreamStatus = new DefaultUpstreamStatusService(upstream);
        httpRouter.use(await createRouter({ httpAuth, upstreamStatus }));
      },
    });
  },
});
