import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import useInterval from 'react-use/esm/useInterval';
import { deployStatusApiRef } from '../api/DeployStatusApi';

/** Refreshed in place this often while the page is open (the backend caches for 10–30 s). */
export const AUTO_REFRESH_MS = 30_000;

/** The current entity's deploy status, with `retry` to refresh it without reloading the page. */
export function useEntityDeployStatus() {
  const { entity } = useEntity();
  const api = useApi(deployStatusApiRef);
  const state = useAsyncRetry(
    () => api.getEntityStatus(getCompoundEntityRef(entity)),
    [api, entity],
  );
  useInterval(state.retry, AUTO_REFRESH_MS);
  return state;
}
