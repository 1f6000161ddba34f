import {
  ApiBlueprint,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { datadogSloApiRef } from './api/DatadogSloApi';
import { DatadogSloBackendClient } from './api/DatadogSloBackendClient';

export const datadogSloApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: datadogSloApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new DatadogSloBackendClient({ discoveryApi, fetchApi }),
    }),
});
