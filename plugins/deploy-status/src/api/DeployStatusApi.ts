import { CompoundEntityRef } from '@backstage/catalog-model';
import { createApiRef } from '@backstage/frontend-plugin-api';
import type {
  EntityDeployStatus,
  EntityDeployStatusList,
} from '@internal/plugin-deploy-status-common';

export interface DeployStatusApi {
  getEntityStatus(entity: CompoundEntityRef): Promise<EntityDeployStatus>;
  /** At most 100 refs per call; the answer keeps their order. */
  getEntityStatuses(entityRefs: string[]): Promise<EntityDeployStatusList>;
}

export const deployStatusApiRef = createApiRef<DeployStatusApi>({
  id: 'plugin.deploy-status.service',
});
