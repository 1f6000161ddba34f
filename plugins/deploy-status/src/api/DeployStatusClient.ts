import { CompoundEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import type {
  EntityDeployStatus,
  EntityDeployStatusList,
  FleetPage,
  FleetQuery,
} from '@internal/plugin-deploy-status-common';
import { DeployStatusApi } from './DeployStatusApi';

/** Calls the deploy-status backend; only the backend talks to the upstreams and holds tokens. */
export class DeployStatusClient implements DeployStatusApi {
  constructor(
    private readonly options: {
      discoveryApi: DiscoveryApi;
      fetchApi: FetchApi;
    },
  ) {}

  getEntityStatus(entity: CompoundEntityRef): Promise<EntityDeployStatus> {
    const path = [
      entity.kind.toLocaleLowerCase('en-US'),
      entity.namespace,
      entity.name,
    ]
      .map(encodeURIComponent)
      .join('/');
    return this.get(`/entities/${path}`);
  }

  getEntityStatuses(entityRefs: string[]): Promise<EntityDeployStatusList> {
    const query = entityRefs
      .map(ref => `entityRef=${encodeURIComponent(ref)}`)
      .join('&');
    return this.get(`/entities?${query}`);
  }

  getFleet(query: FleetQuery = {}): Promise<FleetPage> {
    const params = new URLSearchParams();
    for (const key of ['owner', 'system', 'environment', 'health'] as const) {
      for (const value of query[key] ?? []) {
        params.append(key, value);
      }
    }
    if (query.limit !== undefined) {
      params.set('limit', String(query.limit));
    }
    if (query.cursor) {
      params.set('cursor', query.cursor);
    }
    const search = params.toString();
    return this.get(`/fleet${search ? `?${search}` : ''}`);
  }

  private async get<T>(path: string): Promise<T> {
    const baseUrl = await this.options.discoveryApi.getBaseUrl('deploy-status');
    const response = await this.options.fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
