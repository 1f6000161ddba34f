import { ClusterDetails } from '@backstage/plugin-kubernetes-node';
import {
  KUBERNETES_KINDS,
  KubernetesKind,
  KubernetesObject,
  KubernetesObjectsClient,
  UpstreamError,
} from '@internal/upstream-node';
import { ClusterWorkloads } from '@internal/plugin-deploy-status-common';
import { isPodReady, podProblem, restartsOf } from './podProblems';
import { isControlled, resourceStatusOf } from './resourceStatusOf';

/** Every kind Argo CD assesses, listed for the service on each of its clusters. */
const KINDS_READ: KubernetesKind[] = Object.values(KUBERNETES_KINDS);

/** Why a cluster may not serve a kind at all (404 on its list): said once, not an error. */
function notServed(kind: KubernetesKind, cluster: ClusterDetails): string {
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
): Promise<ClusterWorkloads> {
  const notes: string[] = [];
  const lists = await Promise.all(
    KINDS_READ.map(kind =>
      client.list(cluster, kind, labelSelector).catch(error => {
        if (error instanceof UpstreamError && error.failure === 'not-found') {
          notes.push(notServed(kind, cluster));
          return [] as KubernetesObject[];
        }
        throw error;
      }),
    ),
  );
  const objects = lists.flat();
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
