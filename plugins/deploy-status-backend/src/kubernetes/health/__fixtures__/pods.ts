import { ApiObject, CREATED, digest, LATER, objectMeta } from './apiObject';

/*
 * Pods as the API server answers them, one per rule of Argo CD's pod check. Bare pods (no
 * owner) unless the name says otherwise; `restartPolicy` as the fixture's name says.
 */

const IMAGE = 'registry.example.com/checkout/api:1.4.2';
const TOKEN_VOLUME = 'kube-api-access-7qk2d';

type ContainerState = Record<string, any>;

interface ContainerOptions {
  name?: string;
  ready?: boolean;
  started?: boolean;
  restartCount?: number;
  state?: ContainerState;
  lastState?: ContainerState;
}

interface PodOptions {
  name: string;
  restartPolicy?: 'Always' | 'OnFailure' | 'Never';
  annotations?: Record<string, string>;
  metadata?: Record<string, any>;
  phase: 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';
  ready?: boolean;
  containers?: ContainerOptions[];
  initContainers?: ContainerOptions[];
  message?: string;
  reason?: string;
  /** Leave `spec.restartPolicy` out (the API server always sets it; malformed input). */
  omitRestartPolicy?: boolean;
}

const running = (since = LATER) => ({ running: { startedAt: since } });
const waiting = (reason: string, message?: string) => ({
  waiting: { reason, ...(message && { message }) },
});
const terminated = (
  exitCode: number,
  reason: string,
  extra: Record<string, any> = {},
) => ({
  terminated: {
    containerID: `containerd://${digest(`${reason}${exitCode}`)}`,
    exitCode,
    reason,
    startedAt: CREATED,
    finishedAt: LATER,
    ...extra,
  },
});

function containerSpec(name: string) {
  return {
    name,
    image: IMAGE,
    imagePullPolicy: 'IfNotPresent',
    ports: [{ containerPort: 8080, name: 'http', protocol: 'TCP' }],
    resources: {
      limits: { memory: '256Mi' },
      requests: { cpu: '100m', memory: '128Mi' },
    },
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
    volumeMounts: [
      {
        mountPath: '/var/run/secrets/kubernetes.io/serviceaccount',
        name: TOKEN_VOLUME,
        readOnly: true,
      },
    ],
  };
}

function containerStatus(options: ContainerOptions, podName: string) {
  const name = options.name ?? 'api';
  const state = options.state ?? running();
  return {
    ...(!('waiting' in state) && {
      containerID: `containerd://${digest(podName + name)}`,
    }),
    image: IMAGE,
    imageID: `${IMAGE.split(':')[0]}@sha256:${digest(IMAGE)}`,
    lastState: options.lastState ?? {},
    name,
    ready: options.ready ?? false,
    restartCount: options.restartCount ?? 0,
    started: options.started ?? 'running' in state,
    state,
  };
}

function condition(type: string, status: boolean, extra = {}) {
  return {
    lastProbeTime: null,
    lastTransitionTime: status ? LATER : CREATED,
    status: status ? 'True' : 'False',
    type,
    ...extra,
  };
}

function pod(options: PodOptions): ApiObject {
  const containers = options.containers ?? [{}];
  const initContainers = options.initContainers ?? [];
  const scheduled = options.phase !== 'Pending' || containers.length > 0;
  const ready = options.ready ?? false;
  const notReady = {
    reason: 'ContainersNotReady',
    message: `containers with unready status: [${containers
      .map(c => c.name ?? 'api')
      .join(' ')}]`,
  };
  const done = options.phase === 'Succeeded' || options.phase === 'Failed';
  let whyNotReady: Record<string, string> = notReady;
  if (ready) whyNotReady = {};
  else if (done) whyNotReady = { reason: 'PodCompleted' };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: objectMeta(options.name, {
      ...(options.annotations && { annotations: options.annotations }),
      ...options.metadata,
    }),
    spec: {
      containers: containers.map(c => containerSpec(c.name ?? 'api')),
      ...(initContainers.length > 0 && {
        initContainers: initContainers.map(c =>
          containerSpec(c.name ?? 'init'),
        ),
      }),
      dnsPolicy: 'ClusterFirst',
      enableServiceLinks: true,
      nodeName: 'kind-worker',
      preemptionPolicy: 'PreemptLowerPriority',
      priority: 0,
      ...(!options.omitRestartPolicy && {
        restartPolicy: options.restartPolicy ?? 'Always',
      }),
      schedulerName: 'default-scheduler',
      securityContext: {},
      serviceAccount: 'default',
      serviceAccountName: 'default',
      terminationGracePeriodSeconds: 30,
      tolerations: [
        {
          effect: 'NoExecute',
          key: 'node.kubernetes.io/not-ready',
          operator: 'Exists',
          tolerationSeconds: 300,
        },
        {
          effect: 'NoExecute',
          key: 'node.kubernetes.io/unreachable',
          operator: 'Exists',
          tolerationSeconds: 300,
        },
      ],
      volumes: [
        {
          name: TOKEN_VOLUME,
          projected: {
            defaultMode: 420,
            sources: [
              {
                serviceAccountToken: { expirationSeconds: 3607, path: 'token' },
              },
              {
                configMap: {
                  items: [{ key: 'ca.crt', path: 'ca.crt' }],
                  name: 'kube-root-ca.crt',
                },
              },
              {
                downwardAPI: {
                  items: [
                    {
                      fieldRef: {
                        apiVersion: 'v1',
                        fieldPath: 'metadata.namespace',
                      },
                      path: 'namespace',
                    },
                  ],
                },
              },
            ],
          },
        },
      ],
    },
    status: {
      conditions: [
        condition(
          'PodReadyToStartContainers',
          options.phase !== 'Pending' || scheduled,
        ),
        condition(
          'Initialized',
          initContainers.length === 0 || options.phase !== 'Pending',
        ),
        condition('Ready', ready, whyNotReady),
        condition('ContainersReady', ready, whyNotReady),
        condition('PodScheduled', true),
      ],
      containerStatuses: containers.map(c => containerStatus(c, options.name)),
      hostIP: '172.18.0.3',
      hostIPs: [{ ip: '172.18.0.3' }],
      ...(initContainers.length > 0 && {
        initContainerStatuses: initContainers.map(c =>
          containerStatus({ name: 'init', ...c }, options.name),
        ),
      }),
      ...(options.message && { message: options.message }),
      phase: options.phase,
      podIP: '10.244.1.17',
      podIPs: [{ ip: '10.244.1.17' }],
      qosClass: 'Burstable',
      ...(options.reason && { reason: options.reason }),
      startTime: CREATED,
    },
  };
}

const CRASH_MESSAGE =
  'back-off 40s restarting failed container=api pod=checkout-api-crashloop_checkout(6f1c2a4e-93b7-4c1d-8e5a-000000000001)';
const PULL_MESSAGE = `Back-off pulling image "${IMAGE}"`;

export const pods = {
  // restartPolicy Always: long-running
  runningReady: pod({
    name: 'checkout-api-running',
    phase: 'Running',
    ready: true,
    containers: [{ ready: true }],
  }),
  runningNotReady: pod({
    name: 'checkout-api-starting',
    phase: 'Running',
    containers: [{ ready: false }],
  }),
  runningNotReadyRestartedAfterError: pod({
    name: 'checkout-api-restarted',
    phase: 'Running',
    containers: [
      {
        ready: false,
        restartCount: 3,
        lastState: terminated(1, 'Error'),
      },
    ],
  }),
  crashLoopBackOff: pod({
    name: 'checkout-api-crashloop',
    phase: 'Running',
    containers: [
      {
        restartCount: 4,
        state: waiting('CrashLoopBackOff', CRASH_MESSAGE),
        lastState: terminated(1, 'Error'),
      },
    ],
  }),
  imagePullBackOff: pod({
    name: 'checkout-api-pull',
    phase: 'Pending',
    containers: [{ state: waiting('ImagePullBackOff', PULL_MESSAGE) }],
  }),
  errImagePull: pod({
    name: 'checkout-api-errpull',
    phase: 'Pending',
    containers: [
      {
        state: waiting(
          'ErrImagePull',
          `failed to pull and unpack image "${IMAGE}": not found`,
        ),
      },
    ],
  }),
  createContainerConfigError: pod({
    name: 'checkout-api-config',
    phase: 'Pending',
    containers: [
      {
        state: waiting(
          'CreateContainerConfigError',
          'secret "checkout-db" not found',
        ),
      },
    ],
  }),
  twoContainersFailing: pod({
    name: 'checkout-api-two',
    phase: 'Running',
    containers: [
      { name: 'api', state: waiting('CrashLoopBackOff', CRASH_MESSAGE) },
      { name: 'proxy', state: waiting('ImagePullBackOff', PULL_MESSAGE) },
    ],
  }),
  containerCreating: pod({
    name: 'checkout-api-creating',
    phase: 'Pending',
    containers: [{ state: waiting('ContainerCreating') }],
  }),
  initContainerCrashLoop: pod({
    name: 'checkout-api-init-crash',
    phase: 'Pending',
    initContainers: [
      {
        name: 'migrate',
        state: waiting(
          'CrashLoopBackOff',
          'back-off 20s restarting failed container=migrate',
        ),
        lastState: terminated(1, 'Error'),
      },
    ],
    containers: [{ state: waiting('PodInitializing') }],
  }),
  pendingUnschedulable: pod({
    name: 'checkout-api-unschedulable',
    phase: 'Pending',
    containers: [{ state: waiting('ContainerCreating') }],
    message: '0/3 nodes are available: 3 Insufficient memory.',
  }),
  succeeded: pod({
    name: 'checkout-api-succeeded',
    restartPolicy: 'Never',
    phase: 'Succeeded',
    containers: [{ state: terminated(0, 'Completed') }],
  }),
  evicted: pod({
    name: 'checkout-api-evicted',
    phase: 'Failed',
    reason: 'Evicted',
    message:
      'The node was low on resource: memory. Threshold quantity: 100Mi, available: 88Mi.',
    containers: [{ state: terminated(137, 'ContainerStatusUnknown') }],
  }),
  failedWithTerminationMessage: pod({
    name: 'checkout-migrate-message',
    restartPolicy: 'Never',
    phase: 'Failed',
    containers: [
      {
        state: terminated(2, 'Error', {
          message: 'migration 0042 failed: relation "orders" already exists',
        }),
      },
    ],
  }),
  failedOomKilled: pod({
    name: 'checkout-migrate-oom',
    restartPolicy: 'Never',
    phase: 'Failed',
    containers: [{ state: terminated(137, 'OOMKilled') }],
  }),
  failedExitCode: pod({
    name: 'checkout-migrate-exit',
    restartPolicy: 'Never',
    phase: 'Failed',
    containers: [{ state: terminated(1, 'Error') }],
  }),
  failedInitContainer: pod({
    name: 'checkout-migrate-init',
    restartPolicy: 'Never',
    phase: 'Failed',
    initContainers: [{ name: 'wait-for-db', state: terminated(3, 'Error') }],
    containers: [{ state: waiting('PodInitializing') }],
  }),
  failedWithoutReason: pod({
    name: 'checkout-migrate-silent',
    restartPolicy: 'Never',
    phase: 'Failed',
    containers: [{ state: terminated(0, 'Completed') }],
  }),
  phaseUnknown: pod({
    name: 'checkout-api-lost-node',
    phase: 'Unknown',
    containers: [{ ready: false }],
  }),
  runningWithoutRestartPolicy: pod({
    name: 'checkout-api-no-policy',
    phase: 'Running',
    ready: true,
    containers: [{ ready: true }],
    omitRestartPolicy: true,
  }),

  // restartPolicy OnFailure / Never: run to completion
  onFailureRunning: pod({
    name: 'checkout-report-onfailure',
    restartPolicy: 'OnFailure',
    phase: 'Running',
    ready: true,
    containers: [{ ready: true }],
  }),
  neverRunning: pod({
    name: 'checkout-report-never',
    restartPolicy: 'Never',
    phase: 'Running',
    ready: true,
    containers: [{ ready: true }],
  }),
  onFailureCrashLoopBackOff: pod({
    name: 'checkout-report-crashloop',
    restartPolicy: 'OnFailure',
    phase: 'Running',
    containers: [
      {
        restartCount: 5,
        state: waiting('CrashLoopBackOff', CRASH_MESSAGE),
        lastState: terminated(1, 'Error'),
      },
    ],
  }),
  neverImagePullBackOff: pod({
    name: 'checkout-report-pull',
    restartPolicy: 'Never',
    phase: 'Pending',
    containers: [{ state: waiting('ImagePullBackOff', PULL_MESSAGE) }],
  }),

  // argocd.argoproj.io/ignore-restart-policy
  ignoreRestartPolicyReady: pod({
    name: 'operator-worker-ready',
    restartPolicy: 'Never',
    annotations: { 'argocd.argoproj.io/ignore-restart-policy': 'true' },
    phase: 'Running',
    ready: true,
    containers: [{ ready: true }],
  }),
  ignoreRestartPolicyNotReady: pod({
    name: 'operator-worker-starting',
    restartPolicy: 'OnFailure',
    annotations: { 'argocd.argoproj.io/ignore-restart-policy': 'true' },
    phase: 'Running',
    containers: [{ ready: false }],
  }),
  ignoreRestartPolicyRestarted: pod({
    name: 'operator-worker-restarted',
    restartPolicy: 'OnFailure',
    annotations: { 'argocd.argoproj.io/ignore-restart-policy': 'true' },
    phase: 'Running',
    containers: [{ restartCount: 1, lastState: terminated(1, 'Error') }],
  }),
  ignoreRestartPolicyImagePullBackOff: pod({
    name: 'operator-worker-pull',
    restartPolicy: 'Never',
    annotations: { 'argocd.argoproj.io/ignore-restart-policy': 'true' },
    phase: 'Running',
    containers: [{ state: waiting('ImagePullBackOff', PULL_MESSAGE) }],
  }),
  ignoreRestartPolicyPending: pod({
    name: 'operator-worker-pending',
    restartPolicy: 'Never',
    annotations: { 'argocd.argoproj.io/ignore-restart-policy': 'true' },
    phase: 'Pending',
    containers: [{ state: waiting('ImagePullBackOff', PULL_MESSAGE) }],
  }),
  ignoreRestartPolicyFailed: pod({
    name: 'operator-worker-failed',
    restartPolicy: 'Never',
    annotations: { 'argocd.argoproj.io/ignore-restart-policy': 'true' },
    phase: 'Failed',
    containers: [{ state: terminated(1, 'Error') }],
  }),
  ignoreRestartPolicyFalse: pod({
    name: 'operator-worker-false',
    restartPolicy: 'Never',
    annotations: { 'argocd.argoproj.io/ignore-restart-policy': 'false' },
    phase: 'Running',
    ready: true,
    containers: [{ ready: true }],
  }),
  ignoreRestartPolicyArgoHook: pod({
    name: 'checkout-smoke-test',
    restartPolicy: 'Never',
    annotations: {
      'argocd.argoproj.io/hook': 'PostSync',
      'argocd.argoproj.io/ignore-restart-policy': 'true',
    },
    phase: 'Running',
    ready: true,
    containers: [{ ready: true }],
  }),
  ignoreRestartPolicyHelmHook: pod({
    name: 'checkout-helm-test',
    restartPolicy: 'Never',
    annotations: {
      'helm.sh/hook': 'test',
      'argocd.argoproj.io/ignore-restart-policy': 'true',
    },
    phase: 'Running',
    ready: true,
    containers: [{ ready: true }],
  }),
  ignoreRestartPolicySkippedHook: pod({
    name: 'operator-worker-skip',
    restartPolicy: 'Never',
    annotations: {
      'argocd.argoproj.io/hook': 'Skip',
      'argocd.argoproj.io/ignore-restart-policy': 'true',
    },
    phase: 'Running',
    ready: true,
    containers: [{ ready: true }],
  }),

  // deletion (resourceHealth)
  terminating: pod({
    name: 'checkout-api-terminating',
    phase: 'Running',
    ready: true,
    containers: [{ ready: true }],
    metadata: {
      deletionTimestamp: LATER,
      deletionGracePeriodSeconds: 30,
    },
  }),
  terminatingHookWithFinalizer: pod({
    name: 'checkout-smoke-test-done',
    restartPolicy: 'Never',
    annotations: { 'argocd.argoproj.io/hook': 'PostSync' },
    phase: 'Succeeded',
    containers: [{ state: terminated(0, 'Completed') }],
    metadata: {
      deletionTimestamp: LATER,
      deletionGracePeriodSeconds: 0,
      finalizers: ['argocd.argoproj.io/hook-finalizer'],
    },
  }),
} satisfies Record<string, ApiObject>;

export const podMessages = { CRASH_MESSAGE, PULL_MESSAGE };
