import { CompoundEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import type {
  EntitySlosResponse,
  SloHistoryResponse,
  SloRollupResponse,
  SloTimeframe,
} from '@internal/plugin-datadog-slo-common';
import { DatadogSloApi } from './DatadogSloApi';

/** Calls the datadog-slo backend; only the backend talks to Datadog and holds its keys. */
export class DatadogSloBackendClient implements DatadogSloApi {
  constructor(
    private readonly options: {
      discoveryApi: DiscoveryApi;
      fetchApi: FetchApi;
    },
  ) {}

  getEntitySlos(entity: CompoundEntityRef): Promise<EntitySlosResponse> {
    return this.get(`${entityPath(entity)}/slos`);
  }

  getSloHistory(options: {
    entity: CompoundEntityRef;
    sloId: string;
    timeframe: SloTimeframe;
  }): Promise<SloHistoryResponse> {
    const { entity, sloId, timeframe } = options;
    return this.get(
      `${entityPath(entity)}/slos/${encodeURIComponent(
        sloId,
      )}/history?timeframe=${encodeURIComponent(timeframe)}`,
    );
  }

  getRollup(entityRef: string): Promise<SloRollupResponse> {
    return this.get(`/rollup?entityRef=${encodeURIComponent(entityRef)}`);
  }

  private async get<T>(path: string): Promise<T> {
    const baseUrl = await this.options.discoveryApi.getBaseUrl('datadog-slo');
    const response = await this.options.fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}

/** Kind in lower case, as in entity page URLs: entity refs compare kinds case-insensitively. */
function entityPath(entity: CompoundEntityRef): string {
  return `/entities/${[
    entity.kind.toLocaleLowerCase('en-US'),
    entity.namespace,
    entity.name,
  ]
    .map(encodeURIComponent)
    .join('/')}`;
}
