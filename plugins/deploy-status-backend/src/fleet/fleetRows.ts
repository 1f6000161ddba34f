import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { EnvironmentEntity } from '@internal/catalog-model-platform';
import {
  ClusterStatus,
  deployedRevisionOf,
  FleetEnvironment,
  FleetRow,
  NOT_DEPLOYED,
  SourceResult,
  worstHealth,
} from '@internal/plugin-deploy-status-common';
import { ArgoResult } from '../argocd/environmentApplications';
import {
  argocdSelection,
  kubernetesSelection,
} from '../service/annotationSelectors';
import { environmentSummary } from '../service/environmentSummary';
import { rollupEnvironment } from '../service/rollupEnvironment';

type KubernetesResult = SourceResult<{ clusters: ClusterStatus[] }>;

const SHOWN = 3;

/**
 * Whether a service says where it runs: an Argo CD or a Kubernetes annotation, even a malformed
 * one (which shows as that source's error). One without either is not deployed, not unhealthy.
 */
export function isDeployed(entity: Entity): boolean {
  return (
    argocdSelection(entity).state !== 'not-configured' ||
    kubernetesSelection(entity).state !== 'not-configured'
  );
}

function refOf(
  entity: Entity,
  value: unknown,
  defaultKind: string,
): string | undefined {
  if (typeof value !== 'string' || !value) return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(value, {
        defaultKind,
        defaultNamespace: entity.metadata.namespace ?? 'default',
      }),
    );
  } catch {
    return undefined;
  }
}

/** The owner and system refs of a service, completed as the catalog completes them. */
export function ownerAndSystemOf(entity: Entity): {
  owner?: string;
  system?: string;
} {
  return {
    owner: refOf(entity, entity.spec?.owner, 'group'),
    system: refOf(entity, entity.spec?.system, 'system'),
  };
}

/** The environment of a fleet row: the per-entity rollup of the same answers, in brief. */
export function fleetEnvironment(
  env: EnvironmentEntity,
  argocd: ArgoResult,
  kubernetes: KubernetesResult,
): FleetEnvironment {
  const rollup = rollupEnvironment(argocd, kubernetes);
  const applications = argocd.state === 'ok' ? argocd.data.applications : [];
  const clusters = kubernetes.state === 'ok' ? kubernetes.data.clusters : [];
  const answered = clusters.flatMap(c => (c.state === 'ok' ? [c.data] : []));
  const sourceErrors = [
    ...(argocd.state === 'error' ? [argocd.message] : []),
    ...(kubernetes.state === 'error' ? [kubernetes.message] : []),
    ...clusters.flatMap(c => (c.state === 'error' ? [c.message] : [])),
  ];
  const unsynced = [...applications]
    .sort((a, b) => a.name.localeCompare(b.name))
    .find(app => app.syncStatus !== 'Synced');
  return {
    environment: environmentSummary(env),
    health: rollup.health,
    healthReasons: rollup.healthReasons.slice(0, SHOWN),
    unknownSources: rollup.unknownSources,
    sourceErrors: sourceErrors.slice(0, SHOWN),
    ...(applications.length > 0 && {
      revision: deployedRevisionOf(applications),
      syncStatus: unsynced?.syncStatus ?? 'Synced',
    }),
    ...(answered.length > 0 && {
      pods: {
        ready: answered.reduce((sum, c) => sum + c.pods.ready, 0),
        total: answered.reduce((sum, c) => sum + c.pods.total, 0),
      },
    }),
  };
}

/** A service's fleet row; the titles of its owner and system come from the catalog. */
export function fleetRow(
  entity: Entity,
  environments: FleetEnvironment[] | undefined,
  titles: ReadonlyMap<string, string>,
): FleetRow {
  const { owner, system } = ownerAndSystemOf(entity);
  const deployed = environments ?? [];
  return {
    entityRef: stringifyEntityRef(entity),
    ...(entity.metadata.title && { title: entity.metadata.title }),
    ...(owner && { owner }),
    ...(owner && titles.has(owner) && { ownerTitle: titles.get(owner) }),
    ...(system && { system }),
    ...(system && titles.has(system) && { systemTitle: titles.get(system) }),
    health: environments
      ? worstHealth(deployed.map(env => env.health))
      : NOT_DEPLOYED,
    environments: deployed,
  };
}
