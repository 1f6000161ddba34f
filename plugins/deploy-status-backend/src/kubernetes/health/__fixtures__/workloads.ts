import { ApiObject, CREATED, LATER, objectMeta, variant } from './apiObject';

/* Deployments, StatefulSets, DaemonSets and ReplicaSets as the API server answers them. */

const LABELS = { 'app.kubernetes.io/name': 'checkout-api' };
const IMAGE = 'registry.example.com/checkout/api:1.4.2';

/** A pod template as the API server defaults it inside a workload. */
function template() {
  return {
    metadata: { labels: LABELS },
    spec: {
      containers: [
        {
          name: 'api',
          image: IMAGE,
          imagePullPolicy: 'IfNotPresent',
          ports: [{ containerPort: 8080, name: 'http', protocol: 'TCP' }],
          readinessProbe: {
            failureThreshold: 3,
            httpGet: { path: '/healthz', port: 'http', scheme: 'HTTP' },
            periodSeconds: 10,
            successThreshold: 1,
            timeoutSeconds: 1,
          },
          resources: {
            limits: { memory: '256Mi' },
            requests: { cpu: '100m', memory: '128Mi' },
          },
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
        },
      ],
      dnsPolicy: 'ClusterFirst',
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      securityContext: {},
      terminationGracePeriodSeconds: 30,
    },
  };
}

function deploymentCondition(
  type: 'Available' | 'Progressing',
  status: 'True' | 'False' | 'Unknown',
  reason: string,
  message: string,
) {
  return {
    lastTransitionTime: CREATED,
    lastUpdateTime: LATER,
    message,
    reason,
    status,
    type,
  };
}

const deploymentHealthy: ApiObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: objectMeta('checkout-api', {
    generation: 3,
    annotations: { 'deployment.kubernetes.io/revision': '3' },
  }),
  spec: {
    progressDeadlineSeconds: 600,
    replicas: 3,
    revisionHistoryLimit: 10,
    selector: { matchLabels: LABELS },
    strategy: {
      rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' },
      type: 'RollingUpdate',
    },
    template: template(),
  },
  status: {
    availableReplicas: 3,
    conditions: [
      deploymentCondition(
        'Available',
        'True',
        'MinimumReplicasAvailable',
        'Deployment has minimum availability.',
      ),
      deploymentCondition(
        'Progressing',
        'True',
        'NewReplicaSetAvailable',
        'ReplicaSet "checkout-api-7d9f8b6c5d" has successfully progressed.',
      ),
    ],
    observedGeneration: 3,
    readyReplicas: 3,
    replicas: 3,
    updatedReplicas: 3,
  },
};

const progressingCondition = deploymentCondition(
  'Progressing',
  'True',
  'ReplicaSetUpdated',
  'ReplicaSet "checkout-api-5c8d7f9b4" is progressing.',
);

export const deployments = {
  healthy: deploymentHealthy,
  paused: variant(deploymentHealthy, d => {
    d.spec.paused = true;
    d.status.conditions[1] = deploymentCondition(
      'Progressing',
      'Unknown',
      'DeploymentPaused',
      'Deployment is paused',
    );
  }),
  generationNotObserved: variant(deploymentHealthy, d => {
    d.metadata.generation = 4;
  }),
  progressDeadlineExceeded: variant(deploymentHealthy, d => {
    d.status.conditions[1] = deploymentCondition(
      'Progressing',
      'False',
      'ProgressDeadlineExceeded',
      'ReplicaSet "checkout-api-5c8d7f9b4" has timed out progressing.',
    );
    d.status.updatedReplicas = 1;
    d.status.replicas = 4;
    d.status.unavailableReplicas = 1;
  }),
  updatingReplicas: variant(deploymentHealthy, d => {
    d.status.conditions[1] = progressingCondition;
    d.status.replicas = 4;
    d.status.updatedReplicas = 1;
    d.status.unavailableReplicas = 1;
  }),
  oldReplicasTerminating: variant(deploymentHealthy, d => {
    d.status.conditions[1] = progressingCondition;
    d.status.replicas = 4;
  }),
  updatedNotAvailable: variant(deploymentHealthy, d => {
    d.status.conditions[1] = progressingCondition;
    d.status.availableReplicas = 2;
    d.status.readyReplicas = 2;
    d.status.unavailableReplicas = 1;
  }),
  scaledToZero: variant(deploymentHealthy, d => {
    d.spec.replicas = 0;
    d.status = {
      conditions: d.status.conditions,
      observedGeneration: 3,
    };
  }),
  justCreated: variant(deploymentHealthy, d => {
    d.metadata.generation = 1;
    delete d.metadata.annotations;
    delete d.status;
  }),
} satisfies Record<string, ApiObject>;

const statefulSetHealthy: ApiObject = {
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: objectMeta('checkout-db', { generation: 2 }),
  spec: {
    persistentVolumeClaimRetentionPolicy: {
      whenDeleted: 'Retain',
      whenScaled: 'Retain',
    },
    podManagementPolicy: 'OrderedReady',
    replicas: 3,
    revisionHistoryLimit: 10,
    selector: { matchLabels: LABELS },
    serviceName: 'checkout-db',
    template: template(),
    updateStrategy: { rollingUpdate: { partition: 0 }, type: 'RollingUpdate' },
    volumeClaimTemplates: [
      {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { name: 'data' },
        spec: {
          accessModes: ['ReadWriteOnce'],
          resources: { requests: { storage: '10Gi' } },
          volumeMode: 'Filesystem',
        },
        status: { phase: 'Pending' },
      },
    ],
  },
  status: {
    availableReplicas: 3,
    collisionCount: 0,
    currentReplicas: 3,
    currentRevision: 'checkout-db-6d8c9f7b5',
    observedGeneration: 2,
    readyReplicas: 3,
    replicas: 3,
    updateRevision: 'checkout-db-6d8c9f7b5',
    updatedReplicas: 3,
  },
};

export const statefulSets = {
  healthy: statefulSetHealthy,
  notObservedYet: variant(statefulSetHealthy, s => {
    s.metadata.generation = 1;
    s.status = { availableReplicas: 0, replicas: 0 };
  }),
  generationNotObserved: variant(statefulSetHealthy, s => {
    s.metadata.generation = 3;
  }),
  podsNotReady: variant(statefulSetHealthy, s => {
    s.status.readyReplicas = 1;
    s.status.availableReplicas = 1;
  }),
  partitionedRolloutInProgress: variant(statefulSetHealthy, s => {
    s.spec.updateStrategy.rollingUpdate.partition = 1;
    s.status.updateRevision = 'checkout-db-84b6d5c7f9';
    s.status.updatedReplicas = 1;
    s.status.currentReplicas = 2;
  }),
  partitionedRolloutDone: variant(statefulSetHealthy, s => {
    s.spec.updateStrategy.rollingUpdate.partition = 1;
    s.status.updateRevision = 'checkout-db-84b6d5c7f9';
    s.status.updatedReplicas = 2;
    s.status.currentReplicas = 1;
  }),
  onDelete: variant(statefulSetHealthy, s => {
    s.spec.updateStrategy = { type: 'OnDelete' };
    s.status.updateRevision = 'checkout-db-84b6d5c7f9';
    s.status.updatedReplicas = 0;
  }),
  rollingWithoutPartitionUpdating: variant(statefulSetHealthy, s => {
    s.spec.updateStrategy = { type: 'RollingUpdate' };
    s.status.updateRevision = 'checkout-db-84b6d5c7f9';
    s.status.updatedReplicas = 1;
    s.status.currentReplicas = 2;
  }),
  rollingWithoutPartitionDone: variant(statefulSetHealthy, s => {
    s.spec.updateStrategy = { type: 'RollingUpdate' };
  }),
} satisfies Record<string, ApiObject>;

const daemonSetHealthy: ApiObject = {
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: objectMeta('checkout-node-agent', {
    generation: 2,
    annotations: { 'deprecated.daemonset.template.generation': '2' },
  }),
  spec: {
    revisionHistoryLimit: 10,
    selector: { matchLabels: LABELS },
    template: template(),
    updateStrategy: {
      rollingUpdate: { maxSurge: 0, maxUnavailable: 1 },
      type: 'RollingUpdate',
    },
  },
  status: {
    currentNumberScheduled: 3,
    desiredNumberScheduled: 3,
    numberAvailable: 3,
    numberMisscheduled: 0,
    numberReady: 3,
    observedGeneration: 2,
    updatedNumberScheduled: 3,
  },
};

export const daemonSets = {
  healthy: daemonSetHealthy,
  generationNotObserved: variant(daemonSetHealthy, d => {
    d.metadata.generation = 3;
  }),
  onDelete: variant(daemonSetHealthy, d => {
    d.spec.updateStrategy = { type: 'OnDelete' };
    d.status.updatedNumberScheduled = 1;
  }),
  updating: variant(daemonSetHealthy, d => {
    d.status.updatedNumberScheduled = 1;
  }),
  updatedNotAvailable: variant(daemonSetHealthy, d => {
    d.status.numberAvailable = 2;
    d.status.numberReady = 2;
    d.status.numberUnavailable = 1;
  }),
} satisfies Record<string, ApiObject>;

const replicaSetHealthy: ApiObject = {
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: objectMeta('checkout-api-7d9f8b6c5d', {
    generation: 1,
    annotations: {
      'deployment.kubernetes.io/desired-replicas': '3',
      'deployment.kubernetes.io/max-replicas': '4',
      'deployment.kubernetes.io/revision': '3',
    },
    labels: { ...LABELS, 'pod-template-hash': '7d9f8b6c5d' },
  }),
  spec: {
    replicas: 3,
    selector: {
      matchLabels: { ...LABELS, 'pod-template-hash': '7d9f8b6c5d' },
    },
    template: template(),
  },
  status: {
    availableReplicas: 3,
    fullyLabeledReplicas: 3,
    observedGeneration: 1,
    readyReplicas: 3,
    replicas: 3,
  },
};

export const replicaSets = {
  healthy: replicaSetHealthy,
  generationNotObserved: variant(replicaSetHealthy, r => {
    r.metadata.generation = 2;
  }),
  replicaFailure: variant(replicaSetHealthy, r => {
    r.status = {
      conditions: [
        {
          lastTransitionTime: LATER,
          message:
            'pods "checkout-api-7d9f8b6c5d-x2x7q" is forbidden: exceeded quota: compute, requested: limits.memory=256Mi, used: limits.memory=1Gi, limited: limits.memory=1Gi',
          reason: 'FailedCreate',
          status: 'True',
          type: 'ReplicaFailure',
        },
      ],
      availableReplicas: 2,
      fullyLabeledReplicas: 2,
      observedGeneration: 1,
      readyReplicas: 2,
      replicas: 2,
    };
  }),
  notAllAvailable: variant(replicaSetHealthy, r => {
    r.status.availableReplicas = 1;
    r.status.readyReplicas = 1;
  }),
} satisfies Record<string, ApiObject>;
