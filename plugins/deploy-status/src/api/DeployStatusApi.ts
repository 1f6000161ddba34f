import { CompoundEntityRef } from '@backstage/catalog-model';
import { createApiRef } from '@backstage/frontend-plugin-api';
import type {
  EntityDeployStatus,
  EntityDeployStatusList,
  FleetPage,
  FleetQuery,
} from '@internal/plugin-deploy-status-common';

export interface DeployStatusApi {
  getEntityStatus(entity: CompoundEntityRef): Promise<EntityDeployStatus>;
  /** At most 100 refs per call; the answer keeps their order. */
  getEntityStatuses(entityRefs: string[]): Promise<EntityDeployStatusList>;
  /** A page of every service the user may see, worst first, computed by the backend. */
  getFleet(query?: FleetQuery): Promise<FleetPage>;
}

export const deployStatusApiRef = createApiRef<DeployStatusApi>({
  id: 'plugin.deploy-status.service',
});
