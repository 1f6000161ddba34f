import { Deploy, Release } from '../world/buildWorld';
import {
  container,
  controllerRef,
  imageOf,
  metadata,
  Obj,
  selectorLabels,
  shortHash,
} from './objectMeta';
import { pod, PodState } from './pods';

/** One ReplicaSet's worth of pods: its template revision, image and what its pods are doing. */
export interface PodSet {
  revision: number;
  image: string;
  podTemplateHash: string;
  replicas: number;
  createdMs: number;
  podState: PodState;
}

export function podSet(
  release: Release,
  deploy: Deploy,
  replicas: number,
  podState: PodState,
): PodSet {
  return {
    revision: deploy.id,
    image: imageOf(release, deploy),
    podTemplateHash: shortHash(10, release.service.name, deploy.revision),
    replicas,
    createdMs: deploy.deployedAt,
    podState,
  };
}

/** How a controller marks its ReplicaSets: the Deployment controller's or Argo Rollouts'. */
export interface ReplicaSetOwner {
  apiVersion: string;
  kind: 'Deployment' | 'Rollout';
  name: string;
  /** `pod-template-hash` or `rollouts-pod-template-hash`. */
  hashLabel: string;
  /** The owner's annotations on each ReplicaSet. */
  annotations: (set: PodSet) => Record<string, string>;
  /** The pods' container for an image, when not the service's HTTP server. */
  container?: (image: string) => Obj;
}

/** The ReplicaSets of `sets` and their pods, as the owner's controller keeps them. */
export function replicaSetObjects(
  release: Release,
  cluster: string,
  sets: PodSet[],
  owner: ReplicaSetOwner,
  nowMs: number,
): { replicasets: Obj[]; pods: Obj[] } {
  const name = release.service.name;
  const selector = selectorLabels(release);
  const replicasets: Obj[] = [];
  const pods: Obj[] = [];
  for (const set of sets) {
    const rsName = `${name}-${set.podTemplateHash}`;
    const setReady = set.podState === 'running' ? set.replicas : 0;
    const hashLabel = { [owner.hashLabel]: set.podTemplateHash };
    const podContainer =
      owner.container?.(set.image) ?? container(release, set.image);
    replicasets.push({
      metadata: metadata(release, cluster, rsName, set.createdMs, {
        generation: 1,
        labels: hashLabel,
        annotations: owner.annotations(set),
        ownerReferences: [
          controllerRef(
            release,
            cluster,
            owner.apiVersion,
            owner.kind,
            owner.name,
          ),
        ],
      }),
      spec: {
        replicas: set.replicas,
        selector: { matchLabels: { ...selector, ...hashLabel } },
        template: {
          metadata: { labels: { ...selector, ...hashLabel } },
          spec: { containers: [podContainer] },
        },
      },
      status: {
        replicas: set.replicas,
        fullyLabeledReplicas: set.replicas,
        readyReplicas: setReady,
        availableReplicas: setReady,
        observedGeneration: 1,
      },
    });
    for (let i = 0; i < set.replicas; i++) {
      const podName = `${rsName}-${shortHash(5, rsName, i)}`;
      pods.push(
        pod(
          release,
          cluster,
          {
            name: podName,
            generateName: `${rsName}-`,
            labels: hashLabel,
            owner: { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rsName },
            image: set.image,
            createdMs: set.createdMs,
            state: set.podState,
            index: i,
            container: podContainer,
          },
          nowMs,
        ),
      );
    }
  }
  return { replicasets, pods };
}
