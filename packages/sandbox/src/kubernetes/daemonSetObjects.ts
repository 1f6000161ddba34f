import { Release } from '../world/buildWorld';
import { nodeName, NODES_PER_CLUSTER } from '../world/workloads';
import {
  container,
  imageOf,
  metadata,
  Obj,
  releaseLabels,
  selectorLabels,
  shortHash,
} from './objectMeta';
import { pod } from './pods';

/** What the DaemonSet controller adds to every pod so it runs on its node whatever happens. */
const DAEMON_TOLERATIONS = [
  'node.kubernetes.io/not-ready',
  'node.kubernetes.io/unreachable',
].map(key => ({ key, operator: 'Exists', effect: 'NoExecute' }));
const NODE_TOLERATIONS = [
  'node.kubernetes.io/disk-pressure',
  'node.kubernetes.io/memory-pressure',
  'node.kubernetes.io/pid-pressure',
  'node.kubernetes.io/unschedulable',
].map(key => ({ key, operator: 'Exists', effect: 'NoSchedule' }));

/** A node agent: a DaemonSet with one pod on each of the cluster's nodes, reading their logs. */
export function daemonSetObjects(
  release: Release,
  cluster: string,
  nowMs: number,
): Record<string, Obj[]> {
  const name = release.service.name;
  const createdAt = release.history[release.history.length - 1].deployedAt;
  const current = release.history[0];
  const image = imageOf(release, current);
  const revisionHash = shortHash(10, name, current.revision);
  const podContainer = container(release, image, {
    ports: [{ name: 'metrics', containerPort: 2020 }],
    probes: { port: 'metrics', ready: '/api/v1/health', live: '/' },
    volumeMounts: [{ name: 'varlog', mountPath: '/var/log', readOnly: true }],
  });
  const volumes = [
    { name: 'varlog', hostPath: { path: '/var/log', type: '' } },
  ];
  const nodes = NODES_PER_CLUSTER;
  const daemonSet = {
    metadata: metadata(release, cluster, name, createdAt, {
      generation: current.id,
      annotations: {
        'deprecated.daemonset.template.generation': String(current.id),
      },
    }),
    spec: {
      selector: { matchLabels: selectorLabels(release) },
      template: {
        metadata: { labels: releaseLabels(release) },
        spec: {
          containers: [podContainer],
          volumes,
          tolerations: [{ operator: 'Exists' }],
          priorityClassName: 'system-node-critical',
        },
      },
      updateStrategy: {
        type: 'RollingUpdate',
        rollingUpdate: { maxUnavailable: 1, maxSurge: 0 },
      },
      revisionHistoryLimit: 10,
    },
    status: {
      currentNumberScheduled: nodes,
      desiredNumberScheduled: nodes,
      numberAvailable: nodes,
      numberMisscheduled: 0,
      numberReady: nodes,
      observedGeneration: current.id,
      updatedNumberScheduled: nodes,
    },
  };
  const pods = Array.from({ length: nodes }, (_, index) => {
    const node = nodeName(cluster, index);
    return pod(
      release,
      cluster,
      {
        name: `${name}-${shortHash(5, name, current.revision, node)}`,
        generateName: `${name}-`,
        labels: {
          'controller-revision-hash': revisionHash,
          'pod-template-generation': String(current.id),
        },
        owner: { apiVersion: 'apps/v1', kind: 'DaemonSet', name },
        image,
        // A rolling update replaces one node's pod at a time.
        createdMs: current.deployedAt + index * 20_000,
        state: 'running',
        index,
        node,
        container: podContainer,
        spec: {
          volumes,
          affinity: {
            nodeAffinity: {
              requiredDuringSchedulingIgnoredDuringExecution: {
                nodeSelectorTerms: [
                  {
                    matchFields: [
                      {
                        key: 'metadata.name',
                        operator: 'In',
                        values: [node],
                      },
                    ],
                  },
                ],
              },
            },
          },
          tolerations: [
            { operator: 'Exists' },
            ...DAEMON_TOLERATIONS,
            ...NODE_TOLERATIONS,
          ],
          priorityClassName: 'system-node-critical',
          priority: 2000001000,
        },
      },
      nowMs,
    );
  });
  return { daemonsets: [daemonSet], pods };
}
