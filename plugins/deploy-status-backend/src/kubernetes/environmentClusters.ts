import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { EnvironmentEntity } from '@internal/catalog-model-platform';
import { ClusterDetails } from '@backstage/plugin-kubernetes-node';
import { Selection } from '../service/annotationSelectors';

/** One cluster an environment names: configured, or why it cannot be read. */
export type EnvironmentCluster =
  | { name: string; cluster: ClusterDetails }
  | { name: string; notConfigured: string };

/**
 * The clusters of an environment (`spec.clusters`), each as configured in
 * `kubernetes.clusterLocatorMethods` or with why it is not: the same words for one entity and
 * for the catalog-wide view.
 */
export function environmentClusters(
  env: EnvironmentEntity,
  clusters: ClusterDetails[],
): Selection<EnvironmentCluster[]> {
  const refs = env.spec.clusters ?? [];
  const envRef = stringifyEntityRef(env);
  if (refs.length === 0) {
    return {
      state: 'not-configured',
      message: `${envRef} names no clusters (spec.clusters): its workloads are known through Argo CD only`,
    };
  }
  return {
    state: 'ok',
    value: refs.map((ref): EnvironmentCluster => {
      const name = parseEntityRef(ref, { defaultKind: 'resource' }).name;
      const cluster = clusters.find(c => c.name === name);
      return cluster
        ? { name, cluster }
        : {
            name,
            notConfigured: `Cluster '${name}' of ${envRef} is not in kubernetes.clusterLocatorMethods`,
          };
    }),
  };
}
