import { CompoundEntityRef } from '@backstage/catalog-model';
import { createApiRef } from '@backstage/frontend-plugin-api';
import type {
  EntitySlosResponse,
  SloHistoryResponse,
  SloRollupResponse,
  SloTimeframe,
} from '@internal/plugin-datadog-slo-common';

/** What the SLO views ask the datadog-slo backend. */
export interface DatadogSloApi {
  /** The SLOs selected by an entity's annotations, worst first, with what could not be read. */
  getEntitySlos(entity: CompoundEntityRef): Promise<EntitySlosResponse>;

  /** The error budget burn-down of one of the entity's SLOs over a timeframe. */
  getSloHistory(options: {
    entity: CompoundEntityRef;
    sloId: string;
    timeframe: SloTimeframe;
  }): Promise<SloHistoryResponse>;

  /** SLO states of the services of a System, or of those a Group owns. */
  getRollup(entityRef: string): Promise<SloRollupResponse>;
}

export const datadogSloApiRef = createApiRef<DatadogSloApi>({
  id: 'plugin.datadog-slo.api',
});
