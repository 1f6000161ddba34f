import { ClusterDetails } from '@backstage/plugin-kubernetes-node';
import {
  KUBERNETES_KINDS,
  KubernetesKind,
  KubernetesObject,
  KubernetesObjectsClient,
  UpstreamError,
  UpstreamService,
} from '@internal/upstream-node';
import { ClusterWorkloads } from '@internal/plugin-deploy-status-common';
import { isPodReady, podProblem, restartsOf } from './podProblems';
import { isControlled, resourceStatusOf } from './resourceStatusOf';

/** Every kind Argo CD assesses, listed for the service on each of its clusters. */
export const KINDS_READ: KubernetesKind[] = Object.values(KUBERNETES_KINDS);

/** Why a cluster may not serve a kind at all (404 on its list): said once, not an error. */
export function notServed(
  kind: KubernetesKind,
  cluster: ClusterDetails,
): string {
  if (kind.kind === 'Rollout') {
    return `Cluster ${cluster.name} does not serve Argo Rollouts (argoproj.io/v1alpha1 rollouts): not installed there, so no Rollouts were read`;
  }
  if (kind.kind === 'HorizontalPodAutoscaler') {
    return `Cluster ${cluster.name} does not serve autoscaling/v2 (Kubernetes older than 1.23): its HorizontalPodAutoscalers were not read`;
  }
  return `Cluster ${cluster.name} does not serve ${kind.group || 'core'}/${
    kind.version
  } ${kind.plural}`;
}

/**
 * A service's objects on one cluster: every kind of {@link KUBERNETES_KINDS} with its label
 * selector, in parallel. The verdicts are Argo CD's rules on the objects nothing else controls;
 * pods that are not serving add reasons. A kind the cluster does not serve is a note; any other
 * failure fails the cluster (shown with its reason, the other clusters still shown).
 */
export async function readClusterWorkloads(
  client: KubernetesObjectsClient,
  cluster: ClusterDetails,
  labelSelector: string,
  onRequest?: () => void,
): Promise<ClusterWorkloads> {
  const notes: string[] = [];
  const lists = await Promise.all(
    KINDS_READ.map(kind => {
      onRequest?.();
      return client.list(cluster, kind, labelSelector).catch(error => {
        if (error instanceof UpstreamError && error.failure === 'not-found') {
          notes.push(notServed(kind, cluster));
          return [] as KubernetesObject[];
        }
        throw error;
      });
    }),
  );
  return clusterWorkloadsOf(lists.flat(), notes);
}

/**
 * {@link readClusterWorkloads} through the shared cache; `onRequest` is called per list asked
 * for (at most: look-ups of the same moment may share one).
 */
export function cachedClusterWorkloads(
  upstream: UpstreamService,
  ttlSeconds: number,
  cluster: ClusterDetails,
  labelSelector: string,
  onRequest?: () => void,
): Promise<ClusterWorkloads> {
  return upstream.cache.get(
    `kubernetes:${cluster.name}:${labelSelector}`,
    ttlSeconds,
    () =>
      readClusterWorkloads(
        upstream.kubernetes,
        cluster,
        labelSelector,
        onRequest,
      ),
  );
}

/**
 * What the deploy status shows of a service's objects on one cluster (every kind read, in
 * {@link KINDS_READ} order): Argo CD's verdicts on those nothing else controls, the pods' counts
 * and why some are not serving, and the cluster's notes. The per-entity read and the catalog-wide
 * view, which lists each cluster once for every service, both end here.
 */
export function clusterWorkloadsOf(
  objects: KubernetesObject[],
  notes: string[],
): ClusterWorkloads {
  const pods = objects.filter(o => o.kind === 'Pod') as any[];
  return {
    resources: objects
      .filter(object => !isControlled(object))
      .map(resourceStatusOf),
    pods: {
      total: pods.filter(p => p.status?.phase !== 'Succeeded').length,
      ready: pods.filter(isPodReady).length,
      restarts: pods.reduce((sum, pod) => sum + restartsOf(pod), 0),
    },
    podsNotReady: pods.flatMap(pod => podProblem(pod) ?? []),
    notes,
  };
}
