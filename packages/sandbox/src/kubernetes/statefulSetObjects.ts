import { Release } from '../world/buildWorld';
import { nodeName, Workload } from '../world/workloads';
import {
  container,
  imageOf,
  metadata,
  Obj,
  releaseLabels,
  selectorLabels,
  shortHash,
  uid,
} from './objectMeta';
import { pod } from './pods';
import { serviceObject } from './serviceObjects';

const STORAGE_CLASS = 'standard-rwo';
const PROVISIONER = 'pd.csi.storage.gke.io';
const DATA_PATH = '/var/lib/data';

/**
 * A StatefulSet of `release.replicas` pods (`<name>-0`…), each with its own
 * PersistentVolumeClaim `data-<name>-<ordinal>` from the claim template, bound to a volume the
 * CSI driver provisioned on the pod's node, and the headless Service that names the pods.
 */
export function statefulSetObjects(
  release: Release,
  workload: Extract<Workload, { kind: 'StatefulSet' }>,
  cluster: string,
  nowMs: number,
): Record<string, Obj[]> {
  const name = release.service.name;
  const createdAt = release.history[release.history.length - 1].deployedAt;
  const current = release.history[0];
  const image = imageOf(release, current);
  const revision = `${name}-${shortHash(10, name, current.revision)}`;
  const selector = selectorLabels(release);
  const labels = releaseLabels(release);
  const volumeMounts = [{ name: 'data', mountPath: DATA_PATH }];
  const podContainer = container(release, image, { volumeMounts });
  const claimTemplate = {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: 'data', labels },
    spec: {
      accessModes: ['ReadWriteOnce'],
      storageClassName: STORAGE_CLASS,
      volumeMode: 'Filesystem',
      resources: { requests: { storage: workload.storage } },
    },
    status: { phase: 'Pending' },
  };
  const replicas = release.replicas;
  const statefulSet = {
    metadata: metadata(release, cluster, name, createdAt, {
      generation: current.id,
    }),
    spec: {
      replicas,
      selector: { matchLabels: selector },
      serviceName: name,
      podManagementPolicy: 'OrderedReady',
      updateStrategy: {
        type: 'RollingUpdate',
        rollingUpdate: { partition: 0 },
      },
      revisionHistoryLimit: 10,
      persistentVolumeClaimRetentionPolicy: {
        whenDeleted: 'Retain',
        whenScaled: 'Retain',
      },
      template: {
        metadata: { labels },
        spec: { containers: [podContainer] },
      },
      volumeClaimTemplates: [claimTemplate],
    },
    status: {
      observedGeneration: current.id,
      replicas,
      readyReplicas: replicas,
      availableReplicas: replicas,
      currentReplicas: replicas,
      updatedReplicas: replicas,
      currentRevision: revision,
      updateRevision: revision,
      collisionCount: 0,
    },
  };
  const pods: Obj[] = [];
  const claims: Obj[] = [];
  for (let ordinal = 0; ordinal < replicas; ordinal++) {
    const podName = `${name}-${ordinal}`;
    const claimName = `data-${podName}`;
    const node = nodeName(cluster, ordinal);
    pods.push(
      pod(
        release,
        cluster,
        {
          name: podName,
          generateName: `${name}-`,
          labels: {
            'apps.kubernetes.io/pod-index': String(ordinal),
            'controller-revision-hash': revision,
            'statefulset.kubernetes.io/pod-name': podName,
          },
          owner: { apiVersion: 'apps/v1', kind: 'StatefulSet', name },
          image,
          // Pods of a rolling update are replaced from the highest ordinal down.
          createdMs: current.deployedAt + (replicas - 1 - ordinal) * 45_000,
          state: 'running',
          index: ordinal,
          node,
          container: podContainer,
          spec: {
            hostname: podName,
            subdomain: name,
            volumes: [{ name: 'data', persistentVolumeClaim: { claimName } }],
          },
        },
        nowMs,
      ),
    );
    // Claims outlive pods: each was made when its ordinal first started.
    const claimedAt = createdAt + ordinal * 45_000;
    claims.push({
      metadata: metadata(release, cluster, claimName, claimedAt, {
        labels: claimTemplate.metadata.labels,
        annotations: {
          'pv.kubernetes.io/bind-completed': 'yes',
          'pv.kubernetes.io/bound-by-controller': 'yes',
          'volume.beta.kubernetes.io/storage-provisioner': PROVISIONER,
          'volume.kubernetes.io/selected-node': node,
          'volume.kubernetes.io/storage-provisioner': PROVISIONER,
        },
        finalizers: ['kubernetes.io/pvc-protection'],
      }),
      spec: {
        ...claimTemplate.spec,
        volumeName: `pvc-${uid(cluster, release.namespace, claimName, 'pv')}`,
      },
      status: {
        phase: 'Bound',
        accessModes: ['ReadWriteOnce'],
        capacity: { storage: workload.storage },
      },
    });
  }
  return {
    statefulsets: [statefulSet],
    pods,
    persistentvolumeclaims: claims,
    services: [serviceObject(release, cluster, createdAt, 'Headless')],
  };
}
