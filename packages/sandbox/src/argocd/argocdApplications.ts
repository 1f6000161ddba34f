import { createHash } from 'node:crypto';
import { Release } from '../world/buildWorld';
import { cronJobRunning } from '../kubernetes/cronJobObjects';
import { groupVersionOf } from '../kubernetes/resources';
import { ingressHost } from '../kubernetes/serviceObjects';
import { managedResources } from '../kubernetes/workloadObjects';

/*
 * Argo CD Applications (argoproj.io/v1alpha1) of the world's releases, one per release and
 * cluster (one for an environment whose clusters the catalog does not name), in the shape Argo
 * CD's REST API returns them. Tests validate them against the Application CRD's JSON schema.
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

/** Where Argo CD deploys when the catalog names no cluster: the cluster it runs in. */
export const IN_CLUSTER = 'https://kubernetes.default.svc';

/** `checkout-api-staging`, or `checkout-api-prod-eu-1` where an environment has several clusters. */
export function applicationName(
  release: Release,
  cluster: string | undefined,
): string {
  return cluster && release.environment.clusters.length > 1
    ? `${release.service.name}-${cluster}`
    : `${release.service.name}-${release.environment.name}`;
}

/** Argo CD's order of health, best first: an application is as healthy as its worst resource. */
const HEALTH_ORDER = [
  'Healthy',
  'Suspended',
  'Progressing',
  'Missing',
  'Degraded',
  'Unknown',
];

/**
 * Argo CD's health of each resource of a release's manifests: the workload Degraded with seeded
 * trouble, a CronJob Progressing while its Job runs; everything else as the sandbox builds it,
 * Healthy (a LoadBalancer Service and an Ingress have their address, the autoscaler its metric).
 */
function resourceHealth(release: Release, kind: string, nowMs: number) {
  if (kind === release.workload.kind && release.trouble) return 'Degraded';
  if (
    release.workload.kind === 'CronJob' &&
    kind === 'CronJob' &&
    cronJobRunning(release, release.workload, nowMs)
  ) {
    return 'Progressing';
  }
  return 'Healthy';
}

export function argocdApplication(
  release: Release,
  /** The destination cluster; none for an environment whose clusters the catalog does not name. */
  cluster: string | undefined,
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
    server: cluster ? `https://${cluster}.k8s.example.com` : IN_CLUSTER,
    namespace: release.namespace,
  };
  const [current] = release.history;
  const resources = managedResources(release).map(resource => ({
    ...groupVersionOf(resource.kind),
    kind: resource.kind,
    namespace: release.namespace,
    name: resource.name,
    status: 'Synced',
    health: { status: resourceHealth(release, resource.kind, nowMs) },
  }));
  const health = resources
    .map(r => r.health.status)
    .reduce((worst, h) =>
      HEALTH_ORDER.indexOf(h) > HEALTH_ORDER.indexOf(worst) ? h : worst,
    );
  const externalURLs =
    release.workload.kind === 'Deployment' && release.workload.exposure
      ? [
          `https://${ingressHost(
            release,
            release.workload.exposure.ingressHostPrefix,
          )}`,
        ]
      : [];
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
      project: release.environment.argocdProject ?? 'default',
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
      resources,
      summary: {
        ...(externalURLs.length > 0 ? { externalURLs } : {}),
        images: [release.image],
      },
      sourceType: 'Kustomize',
      controllerNamespace: 'argocd',
    },
  };
}
