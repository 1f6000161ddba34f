import useAsync from 'react-use/esm/useAsync';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  catalogApiRef,
  getEntityRelations,
  useEntity,
} from '@backstage/plugin-catalog-react';
import { EntityDataTable } from '@backstage/plugin-catalog-react/alpha';
import {
  RELATION_DEPLOYMENT_TARGET_OF,
  RELATION_DEPLOYS,
} from '@internal/catalog-model-platform';
import { componentColumns } from '../columns';

/** Components deployed by the pipelines that deploy to this Environment (two relation hops). */
export function EnvironmentServicesCard() {
  const { entity } = useEntity();
  const catalogApi = useApi(catalogApiRef);
  const { value, loading, error } = useAsync(async (): Promise<Entity[]> => {
    const pipelineRefs = getEntityRelations(
      entity,
      RELATION_DEPLOYMENT_TARGET_OF,
    ).map(r => stringifyEntityRef(r));
    if (pipelineRefs.length === 0) return [];
    const { items: pipelines } = await catalogApi.getEntitiesByRefs({
      entityRefs: pipelineRefs,
    });
    const componentRefs = new Set(
      pipelines
        .flatMap(p => (p ? getEntityRelations(p, RELATION_DEPLOYS) : []))
        .map(r => stringifyEntityRef(r)),
    );
    const { items } = await catalogApi.getEntitiesByRefs({
      entityRefs: [...componentRefs],
    });
    return items.filter((e): e is Entity => Boolean(e));
  }, [entity, catalogApi]);

  return (
    <InfoCard title="Services deployed here">
      <EntityDataTable
        columnConfig={componentColumns}
        data={value ?? []}
        loading={loading}
        error={error}
        emptyState={
          <div>
            No pipeline deploys a component to this environment. A Pipeline
            lists it under spec.deploysTo and the components under spec.deploys.
          </div>
        }
      />
    </InfoCard>
  );
}
