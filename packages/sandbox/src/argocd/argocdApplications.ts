import { createHash } from 'node:crypto';
import { Release } from '../world/buildWorld';

/*
 * Argo CD Applications (argoproj.io/v1alpha1) of the world's releases, one per release and
 * cluster, in the shape Argo CD's REST API returns them. Tests validate them against the
 * Application CRD's JSON schema.
 */

type Obj = Record<string, any>;

const iso = (ms: number) =>
  new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

function uid(...parts: string[]): string {
  const h = createHash('sha1').update(parts.join(':')).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(
    16,
    20,
  )}-${h.slice(20, 32)}`;
}

/** The API group and version of each kind an application manages. */
const GROUP_VERSIONS: Record<string, { group: string; version: string }> = {
  Deployment: { group: 'apps', version: 'v1' },
  Service: { group: '', version: 'v1' },
  HorizontalPodAutoscaler: { group: 'autoscaling', version: 'v2' },
};

/** `checkout-api-staging`, or `checkout-api-prod-eu-1` where an environment has several clusters. */
export function applicationName(release: Release, cluster: string): string {
  return release.environment.clusters.length > 1
    ? `${release.service.name}-${cluster}`
    : `${release.service.name}-${release.environment.name}`;
}

/** Argo CD's health of a release: its model rolls a Degraded Deployment up to the application. */
function healthOf(release: Release): string {
  return release.trouble ? 'Degraded' : 'Healthy';
}

export function argocdApplication(
  release: Release,
  cluster: string,
  nowMs: number,
): Obj {
  const name = applicationName(release, cluster);
  const service = release.service;
  const source = {
    repoURL: `http://localhost:7101/${
      service.gitlabProject ?? `acme/${service.name}`
    }.git`,
    path: `deploy/overlays/${release.environment.name}`,
    targetRevision: 'main',
  };
  const destination = {
    server: `https://${cluster}.k8s.example.com`,
    namespace: service.name,
  };
  const [current] = release.history;
  const health = healthOf(release);
  const oldestFirst = [...release.history].reverse();
  return {
    metadata: {
      name,
      namespace: 'argocd',
      uid: uid(name),
      resourceVersion: String(2000 + current.id),
      generation: current.id,
      creationTimestamp: iso(oldestFirst[0].deployedAt),
      labels: {
        'backstage.io/kubernetes-id': service.kubernetesId,
        'platformportal.io/environment': release.environment.name,
      },
    },
    spec: {
      project: 'default',
      source,
      destination,
      syncPolicy: release.environment.production
        ? { syncOptions: ['CreateNamespace=true'] }
        : {
            automated: { prune: true, selfHeal: true },
            syncOptions: ['CreateNamespace=true'],
          },
    },
    status: {
      sync: {
        status: 'Synced',
        revision: current.revision,
        comparedTo: { source, destination },
      },
      health: {
        status: health,
        lastTransitionTime: iso(current.deployedAt + 60_000),
      },
      history: oldestFirst.map(deploy => ({
        id: deploy.id,
        revision: deploy.revision,
        deployStartedAt: iso(deploy.deployedAt - 20_000),
        deployedAt: iso(deploy.deployedAt),
        source,
        initiatedBy: release.environment.production
          ? { username: deploy.author }
          : { automated: true },
      })),
      operationState: {
        operation: {
          sync: { revision: current.revision, prune: true },
          initiatedBy: { automated: !release.environment.production },
        },
        phase: 'Succeeded',
        message: 'successfully synced (all tasks run)',
        startedAt: iso(current.deployedAt - 20_000),
        finishedAt: iso(current.deployedAt),
        syncResult: { revision: current.revision, source, resources: [] },
      },
      reconciledAt: iso(nowMs - 60_000),
      resources: ['Deployment', 'Service', 'HorizontalPodAutoscaler'].map(
        kind => ({
          ...GROUP_VERSIONS[kind],
          kind,
          namespace: service.name,
          name: service.name,
          status: 'Synced',
          health: { status: kind === 'Deployment' ? health : 'Healthy' },
        }),
      ),
      summary: { images: [release.image] },
      sourceType: 'Kustomize',
      controllerNamespace: 'argocd',
    },
  };
}
