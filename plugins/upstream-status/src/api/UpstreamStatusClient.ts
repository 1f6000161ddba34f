import { ResponseError } from '@backstage/errors';
import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import type { UpstreamStatusResponse } from '@internal/plugin-upstream-status-common';
import { UpstreamStatus, UpstreamStatusApi } from './types';

export class UpstreamStatusClient implements UpstreamStatusApi {
  constructor(
    private readonly options: {
      discoveryApi: DiscoveryApi;
      fetchApi: FetchApi;
    },
  ) {}

  async listUpstreams(): Promise<UpstreamStatus[]> {
    const baseUrl = await this.options.discoveryApi.getBaseUrl(
      'upstream-status',
    );
    const response = await this.options.fetchApi.fetch(`${baseUrl}/upstreams`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    const body: UpstreamStatusResponse = await response.json();
    return body.upstreams;
  }
}
