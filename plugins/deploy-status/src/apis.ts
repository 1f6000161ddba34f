import {
  ApiBlueprint,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { deployStatusApiRef } from './api/DeployStatusApi';
import { DeployStatusClient } from './api/DeployStatusClient';

export const deployStatusApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: deployStatusApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new DeployStatusClient({ discoveryApi, fetchApi }),
    }),
});
