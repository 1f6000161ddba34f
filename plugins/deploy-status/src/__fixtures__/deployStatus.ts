import {
  ClusterStatus,
  EntityDeployStatus,
  EnvironmentDeployStatus,
} from '@internal/plugin-deploy-status-common';

/*
 * Answers in the backend's shape (the types are the OpenAPI document's; the backend's tests check
 * real answers against it), modelled on the sandbox's crash loop: staging crash-loops, production's
 * Argo CD instance timed out while Kubernetes still answered.
 */

const commit = (sha: string, title: string) => ({
  sha: sha.repeat(40),
  shortSha: sha.repeat(8),
  title,
  authorName: 'Grace Hopper',
  committedAt: '2026-11-20T10:00:00Z',
  webUrl: `http://gitlab.example.com/commerce/pricing-service/-/commit/${sha.repeat(
    40,
  )}`,
});

const cluster = (
  name: string,
  ready: number,
  problems = false,
): ClusterStatus => ({
  cluster: name,
  state: 'ok',
  data: {
    resources: [],
    pods: { total: 2, ready, restarts: problems ? 83 : 0 },
    podsNotReady: problems
      ? [
          {
            name: 'pricing-service-7465-c7d0e',
            namespace: 'pricing-service',
            reason: 'CrashLoopBackOff',
            restarts: 43,
          },
        ]
      : [],
    notes: [],
  },
});

function environment(
  name: string,
  order: number,
  parts: Partial<EnvironmentDeployStatus>,
): EnvironmentDeployStatus {
  return {
    environment: {
      ref: `environment:default/${name}`,
      name,
      title: name[0].toUpperCase() + name.slice(1),
      production: name === 'production',
      promotionOrder: order,
    },
    health: 'Healthy',
    healthReasons: [],
    unknownSources: [],
    argocd: { state: 'ok', data: { applications: [] } },
    gitlab: { state: 'ok', data: {} },
    kubernetes: { state: 'ok', data: { clusters: [] } },
    ...parts,
  };
}

const app = (name: string, sha: string, health: 'Healthy' | 'Degraded') => ({
  name,
  instance: name.split('-').pop()!,
  project: 'default',
  url: `https://argocd.example.com/applications/argocd/${name}`,
  syncStatus: 'Synced',
  health,
  revision: sha.repeat(40),
  automated: true,
  history: [
    {
      revision: sha.repeat(40),
      deployedAt: '2026-11-20T11:00:00Z',
      initiatedBy: 'automated',
    },
  ],
});

export const crashLoopStatus: EntityDeployStatus = {
  entityRef: 'component:default/pricing-service',
  generatedAt: '2026-11-21T09:00:00Z',
  health: 'Degraded',
  gitlab: {
    state: 'ok',
    data: {
      path: 'commerce/pricing-service',
      webUrl: 'http://gitlab.example.com/commerce/pricing-service',
      defaultBranch: 'main',
      headCommit: commit('a', 'Expose request metrics'),
      headPipeline: {
        id: 120,
        status: 'running',
        ref: 'main',
        sha: 'a'.repeat(40),
        webUrl:
          'http://gitlab.example.com/commerce/pricing-service/-/pipelines/120',
      },
    },
  },
  environments: [
    environment('development', 1, {
      argocd: {
        state: 'ok',
        data: {
          applications: [app('pricing-service-development', 'a', 'Healthy')],
        },
      },
      gitlab: {
        state: 'ok',
        data: {
          deployedCommit: commit('a', 'Expose request metrics'),
          deployedPipeline: {
            id: 119,
            status: 'success',
            ref: 'main',
            sha: 'a'.repeat(40),
            webUrl:
              'http://gitlab.example.com/commerce/pricing-service/-/pipelines/119',
          },
        },
      },
      kubernetes: { state: 'ok', data: { clusters: [cluster('dev-eu-1', 2)] } },
    }),
    environment('staging', 2, {
      health: 'Degraded',
      healthReasons: [
        'Argo CD pricing-service-staging is Degraded',
        'Pod pricing-service-7465-c7d0e on staging-eu-1: CrashLoopBackOff (43 restarts)',
      ],
      argocd: {
        state: 'ok',
        data: {
          applications: [app('pricing-service-staging', 'b', 'Degraded')],
        },
      },
      gitlab: {
        state: 'ok',
        data: { deployedCommit: commit('b', 'Tune readiness probe') },
      },
      kubernetes: {
        state: 'ok',
        data: { clusters: [cluster('staging-eu-1', 0, true)] },
      },
      promotionLag: {
        behind: 'environment:default/development',
        commits: 1,
        since: '2026-11-20T10:00:00Z',
      },
    }),
    environment('production', 3, {
      unknownSources: ['argocd'],
      argocd: {
        state: 'error',
        message: "Argo CD instance 'prod' did not answer within 3 s",
      },
      kubernetes: {
        state: 'ok',
        data: { clusters: [cluster('prod-eu-1', 2), cluster('prod-eu-2', 2)] },
      },
    }),
  ],
};

/** A service that runs everywhere and is healthy. */
export function healthyStatus(entityRef: string): EntityDeployStatus {
  return {
    ...crashLoopStatus,
    entityRef,
    health: 'Healthy',
    environments: crashLoopStatus.environments.map(env => ({
      ...env,
      health: 'Healthy',
      healthReasons: [],
      unknownSources: [],
    })),
  };
}
