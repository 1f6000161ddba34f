import { UpstreamService } from '@internal/upstream-node';
import { UpstreamKind, UpstreamStatus, UpstreamStatusService } from './types';

interface ConfiguredUpstream {
  kind: UpstreamKind;
  name: string;
  origin: string;
  /** The key the upstream layer records its calls' outcomes under. */
  key: string;
}

/**
 * Every upstream the portal is configured with, and what the portal's own calls to it last saw
 * (through `@internal/upstream-node`, with the same credentials, company CA and deadline as the
 * cards' data). It sends nothing itself: a probe of its own would see a different network path.
 * An upstream no call has used for ten minutes is reported reachable, as nothing says otherwise.
 */
export class DefaultUpstreamStatusService implements UpstreamStatusService {
  private readonly upstreams: ConfiguredUpstream[];

  constructor(private readonly upstream: UpstreamService) {
    this.upstreams = [
      ...upstream.gitlabInstances.map(gitlab => ({
        kind: 'gitlab' as const,
        name: gitlab.host,
        origin: new URL(gitlab.apiBaseUrl).origin,
        key: `gitlab:${gitlab.host}`,
      })),
      ...upstream.argocdInstances.map(instance => ({
        kind: 'argocd' as const,
        name: instance.name,
        origin: new URL(instance.url).origin,
        key: `argocd:${instance.name}`,
      })),
      ...upstream.clusters.map(cluster => ({
        kind: 'kubernetes' as const,
        name: cluster.name,
        origin: new URL(cluster.url).origin,
        key: `kubernetes:${cluster.name}`,
      })),
      ...(upstream.datadog.configured
        ? [
            {
              kind: 'datadog' as const,
              name: upstream.datadog.site,
              origin: new URL(upstream.datadog.apiBaseUrl).origin,
              key: `datadog:${upstream.datadog.site}`,
            },
          ]
        : []),
    ];
  }

  async list(): Promise<UpstreamStatus[]> {
    return Promise.all(
      this.upstreams.map(async ({ kind, name, origin, key }) => {
        const outcome = await this.upstream.outcomes.get(key);
        if (!outcome) {
          return { kind, name, origin, reachable: true };
        }
        return {
          kind,
          name,
          origin,
          reachable: outcome.reachable,
          ...(outcome.status !== undefined && { status: outcome.status }),
          ...(outcome.error && { error: outcome.error }),
          checkedAt: outcome.at,
        };
      }),
    );
  }
}
