import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useRouteRef } from '@backstage/frontend-plugin-api';
import { entityRouteRef, useEntity } from '@backstage/plugin-catalog-react';

/** The entity's Kubernetes tab (the Kubernetes plugin's content, at `/kubernetes`). */
export function useKubernetesTabLink(): string | undefined {
  const { entity } = useEntity();
  const entityRoute = useRouteRef(entityRouteRef);
  return entityRoute
    ? `${entityRoute(getCompoundEntityRef(entity))}/kubernetes`
    : undefined;
}
