import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { upstreamStatusApiRef } from './api/types';
import { UpstreamStatusClient } from './api/UpstreamStatusClient';

const upstreamStatusApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: upstreamStatusApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new UpstreamStatusClient({ discoveryApi, fetchApi }),
    }),
});

/** Provides the upstream-status API that {@link UpstreamGate} uses. */
export const upstreamStatusPlugin = createFrontendPlugin({
  pluginId: 'upstream-status',
  extensions: [upstreamStatusApi],
});
