import { createHash } from 'node:crypto';
import { Release } from '../world/buildWorld';

/*
 * The Kubernetes objects one release runs as in one cluster, shaped as kube-apiserver returns them
 * in lists (items without kind and apiVersion): a Deployment, its ReplicaSet(s), Pods, a Service
 * and a HorizontalPodAutoscaler. Tests validate them against the published v1.32 JSON schemas.
 */

type Obj = Record<string, any>;

const iso = (ms: number) =>
  new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

function uid(...parts: Array<string | number>): string {
  const h = createHash('sha1').update(parts.join(':')).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(
    16,
    20,
  )}-${h.slice(20, 32)}`;
}

function shortHash(length: number, ...parts: Array<string | number>): string {
  return createHash('sha1')
    .update(parts.join(':'))
    .digest('hex')
    .slice(0, length);
}

function metadata(
  release: Release,
  cluster: string,
  name: string,
  createdMs: number,
  extra: Obj = {},
) {
  const labels = {
    'app.kubernetes.io/name': release.service.name,
    'backstage.io/kubernetes-id': release.service.kubernetesId,
    ...(extra.labels ?? {}),
  };
  return {
    name,
    namespace: release.service.name,
    uid: uid(cluster, release.service.name, name),
    resourceVersion: String(1000 + (parseInt(shortHash(4, name), 16) % 9000)),
    creationTimestamp: iso(createdMs),
    ...extra,
    labels,
  };
}

function container(release: Release, image: string) {
  return {
    name: release.service.name,
    image,
    ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
    resources: {
      requests: { cpu: '100m', memory: '128Mi' },
      limits: { memory: '256Mi' },
    },
    readinessProbe: {
      httpGet: { path: '/health/ready', port: 8080, scheme: 'HTTP' },
      periodSeconds: 10,
      timeoutSeconds: 1,
      successThreshold: 1,
      failureThreshold: 3,
    },
    livenessProbe: {
      httpGet: { path: '/health/live', port: 8080, scheme: 'HTTP' },
      periodSeconds: 10,
      timeoutSeconds: 1,
      successThreshold: 1,
      failureThreshold: 3,
    },
    imagePullPolicy: 'IfNotPresent',
  };
}

function condition(
  type: string,
  status: 'True' | 'False',
  reason: string,
  message: string,
  atMs: number,
) {
  return {
    type,
    status,
    reason,
    message,
    lastUpdateTime: iso(atMs),
    lastTransitionTime: iso(atMs),
  };
}

/** One ReplicaSet's worth of pods: its template revision, image and what its pods are doing. */
interface PodSet {
  revision: number;
  image: string;
  podTemplateHash: string;
  replicas: number;
  createdMs: number;
  podState: 'running' | 'crash-loop' | 'image-pull';
}

function podSets(release: Release): PodSet[] {
  const [current, previous] = release.history;
  const set = (
    deploy: typeof current,
    replicas: number,
    podState: PodSet['podState'],
  ): PodSet => ({
    revision: deploy.id,
    image: `registry.example.com/${
      release.service.name
    }:${deploy.revision.slice(0, 8)}`,
    podTemplateHash: shortHash(10, release.service.name, deploy.revision),
    replicas,
    createdMs: deploy.deployedAt,
    podState,
  });
  if (release.trouble === 'crash-loop') {
    return [set(current, release.replicas, 'crash-loop')];
  }
  if (release.trouble === 'degraded-rollout') {
    // The new version cannot pull its image; the old one keeps serving.
    return [
      set(current, 1, 'image-pull'),
      set(previous, release.replicas, 'running'),
    ];
  }
  return [set(current, release.replicas, 'running')];
}

/** What the pod's container is doing, as kubelet reports it. */
function containerState(
  release: Release,
  set: PodSet,
  podName: string,
  started: number,
): Obj {
  switch (set.podState) {
    case 'running':
      return { running: { startedAt: iso(started) } };
    case 'crash-loop':
      return {
        waiting: {
          reason: 'CrashLoopBackOff',
          message: `back-off 5m0s restarting failed container=${release.service.name} pod=${podName}`,
        },
      };
    default:
      return {
        waiting: {
          reason: 'ImagePullBackOff',
          message: `Back-off pulling image "${set.image}"`,
        },
      };
  }
}

function pod(
  release: Release,
  cluster: string,
  rsName: string,
  set: PodSet,
  index: number,
  nowMs: number,
): Obj {
  const name = `${rsName}-${shortHash(5, rsName, index)}`;
  const started = set.createdMs + 30_000;
  const running = set.podState === 'running';
  const state = containerState(release, set, name, started);
  const restarts = set.podState === 'crash-loop' ? 40 + index * 3 : 0;
  return {
    metadata: metadata(release, cluster, name, set.createdMs, {
      generateName: `${rsName}-`,
      labels: { 'pod-template-hash': set.podTemplateHash },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: rsName,
          uid: uid(cluster, release.service.name, rsName),
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    }),
    spec: {
      containers: [container(release, set.image)],
      restartPolicy: 'Always',
      nodeName: `${cluster}-node-${(index % 3) + 1}`,
      serviceAccountName: 'default',
    },
    status: {
      phase: running || set.podState === 'crash-loop' ? 'Running' : 'Pending',
      conditions: [
        {
          type: 'Initialized',
          status: 'True',
          lastTransitionTime: iso(started),
        },
        {
          type: 'Ready',
          status: running ? 'True' : 'False',
          lastTransitionTime: iso(started),
          ...(running
            ? {}
            : {
                reason: 'ContainersNotReady',
                message: `containers with unready status: [${release.service.name}]`,
              }),
        },
        {
          type: 'ContainersReady',
          status: running ? 'True' : 'False',
          lastTransitionTime: iso(started),
        },
        {
          type: 'PodScheduled',
          status: 'True',
          lastTransitionTime: iso(set.createdMs),
        },
      ],
      containerStatuses: [
        {
          name: release.service.name,
          image: set.image,
          imageID: running
            ? `${set.image}@sha256:${shortHash(40, set.image)}${shortHash(
                24,
                set.image,
                'digest',
              )}`
            : '',
          ready: running,
          started: running,
          restartCount: restarts,
          state,
          ...(set.podState === 'crash-loop'
            ? {
                lastState: {
                  terminated: {
                    exitCode: 1,
                    reason: 'Error',
                    startedAt: iso(nowMs - 120_000),
                    finishedAt: iso(nowMs - 90_000),
                  },
                },
              }
            : {}),
        },
      ],
      hostIP: '10.0.0.10',
      podIP: `10.4.${index}.${parseInt(shortHash(2, name), 16)}`,
      startTime: iso(started),
      qosClass: 'Burstable',
    },
  };
}

/** The Deployment's conditions, as the deployment controller sets them for each kind of trouble. */
function deploymentConditionsOf(
  release: Release,
  name: string,
  newest: PodSet,
) {
  const at = release.history[0].deployedAt;
  const replicaSet = `ReplicaSet "${name}-${newest.podTemplateHash}"`;
  const available = condition(
    'Available',
    'True',
    'MinimumReplicasAvailable',
    'Deployment has minimum availability.',
    at,
  );
  if (release.trouble === 'degraded-rollout') {
    return [
      available,
      condition(
        'Progressing',
        'False',
        'ProgressDeadlineExceeded',
        `${replicaSet} has timed out progressing.`,
        at + 600_000,
      ),
    ];
  }
  if (release.trouble === 'crash-loop') {
    return [
      condition(
        'Available',
        'False',
        'MinimumReplicasUnavailable',
        'Deployment does not have minimum availability.',
        at,
      ),
      condition(
        'Progressing',
        'True',
        'ReplicaSetUpdated',
        `${replicaSet} is progressing.`,
        at,
      ),
    ];
  }
  return [
    available,
    condition(
      'Progressing',
      'True',
      'NewReplicaSetAvailable',
      `${replicaSet} has successfully progressed.`,
      at,
    ),
  ];
}

/** Every object of one release in one cluster, by plural resource name. */
export function workloadObjects(
  release: Release,
  cluster: string,
  nowMs: number,
): Record<string, Obj[]> {
  const name = release.service.name;
  // The release's first deploy created its Deployment, Service and autoscaler.
  const createdAt = release.history[release.history.length - 1].deployedAt;
  const sets = podSets(release);
  const selector = { 'app.kubernetes.io/name': name };
  const ready = sets
    .filter(s => s.podState === 'running')
    .reduce((n, s) => n + s.replicas, 0);
  const updated = sets[0].replicas;
  const current = release.history[0];
  const deploymentConditions = deploymentConditionsOf(release, name, sets[0]);
  const total = sets.reduce((n, s) => n + s.replicas, 0);
  const deployment = {
    metadata: metadata(release, cluster, name, createdAt, {
      generation: current.id,
      annotations: {
        'deployment.kubernetes.io/revision': String(current.id),
      },
    }),
    spec: {
      replicas: release.replicas,
      selector: { matchLabels: selector },
      template: {
        metadata: {
          labels: {
            ...selector,
            'backstage.io/kubernetes-id': release.service.kubernetesId,
          },
        },
        spec: { containers: [container(release, sets[0].image)] },
      },
      strategy: {
        type: 'RollingUpdate',
        rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' },
      },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    },
    status: {
      observedGeneration: current.id,
      replicas: total,
      updatedReplicas: updated,
      readyReplicas: ready,
      availableReplicas: ready,
      ...(total - ready > 0 ? { unavailableReplicas: total - ready } : {}),
      conditions: deploymentConditions,
    },
  };
  const replicasets: Obj[] = [];
  const pods: Obj[] = [];
  for (const set of sets) {
    const rsName = `${name}-${set.podTemplateHash}`;
    const setReady = set.podState === 'running' ? set.replicas : 0;
    replicasets.push({
      metadata: metadata(release, cluster, rsName, set.createdMs, {
        generation: 1,
        labels: { 'pod-template-hash': set.podTemplateHash },
        annotations: {
          'deployment.kubernetes.io/desired-replicas': String(release.replicas),
          'deployment.kubernetes.io/max-replicas': String(release.replicas + 1),
          'deployment.kubernetes.io/revision': String(set.revision),
        },
        ownerReferences: [
          {
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            name,
            uid: deployment.metadata.uid,
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      }),
      spec: {
        replicas: set.replicas,
        selector: {
          matchLabels: {
            ...selector,
            'pod-template-hash': set.podTemplateHash,
          },
        },
        template: {
          metadata: {
            labels: { ...selector, 'pod-template-hash': set.podTemplateHash },
          },
          spec: { containers: [container(release, set.image)] },
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
      pods.push(pod(release, cluster, rsName, set, i, nowMs));
    }
  }
  const service = {
    metadata: metadata(release, cluster, name, createdAt),
    spec: {
      type: 'ClusterIP',
      selector,
      ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }],
      clusterIP: `10.96.${parseInt(shortHash(2, cluster, name), 16)}.${parseInt(
        shortHash(2, name, cluster),
        16,
      )}`,
      sessionAffinity: 'None',
    },
    status: { loadBalancer: {} },
  };
  const hpa = {
    metadata: metadata(release, cluster, name, createdAt),
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name },
      minReplicas: release.replicas,
      maxReplicas: release.replicas * 3,
      metrics: [
        {
          type: 'Resource',
          resource: {
            name: 'cpu',
            target: { type: 'Utilization', averageUtilization: 70 },
          },
        },
      ],
    },
    status: {
      currentReplicas: total,
      desiredReplicas: release.replicas,
      currentMetrics: [
        {
          type: 'Resource',
          resource: {
            name: 'cpu',
            current: {
              averageUtilization:
                35 + (parseInt(shortHash(2, cluster, name), 16) % 40),
              averageValue: '42m',
            },
          },
        },
      ],
      conditions: [
        {
          type: 'AbleToScale',
          status: 'True',
          reason: 'ReadyForNewScale',
          message: 'recommended size matches current size',
          lastTransitionTime: iso(current.deployedAt),
        },
        {
          type: 'ScalingActive',
          status: 'True',
          reason: 'ValidMetricFound',
          message:
            'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)',
          lastTransitionTime: iso(current.deployedAt),
        },
      ],
    },
  };
  return {
    deployments: [deployment],
    replicasets,
    pods,
    services: [service],
    horizontalpodautoscalers: [hpa],
  };
}
