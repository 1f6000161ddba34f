import fs from 'node:fs';
import path from 'node:path';
import { assertSchema, KUBERNETES_SCHEMAS } from '@internal/sandbox/contracts';
import { autoscalerStatus } from './autoscalerHealth';
import { podProblem } from './podProblems';
import { deploymentHealth, statefulSetHealth } from './workloadHealth';

/*
 * Health rules on real object shapes: the recorded DeploymentList of shared/contracts, changed
 * into each state, and pods and autoscalers as Kubernetes reports them. Every object is checked
 * against the Kubernetes v1.32 strict schema before the rules see it.
 */

const recordedDeploymentList = JSON.parse(
  fs.readFileSync(
    path.resolve(
      __dirname,
      '../../../../../shared/contracts/kubernetes/examples/k8s-openapi-replays-v1.36/deployment-list.response-body.json',
    ),
    'utf8',
  ),
);

const valid = <T>(schema: string, object: T): T => {
  assertSchema(`${KUBERNETES_SCHEMAS}/${schema}`, object);
  return object;
};

function deployment(change: (d: any) => void = () => {}) {
  const copy = structuredClone(recordedDeploymentList.items[0]);
  copy.apiVersion = 'apps/v1';
  copy.kind = 'Deployment';
  // Recorded from a v1.36 API server; the strict v1.32 schema predates this field (1.33).
  delete copy.status.terminatingReplicas;
  change(copy);
  return valid('deployment-apps-v1.json', copy);
}

function pod(status: any, name = 'checkout-api-7d9f-abcde') {
  return valid('pod-v1.json', {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'checkout' },
    spec: { containers: [{ name: 'app', image: 'registry/checkout:1.2.3' }] },
    status,
  });
}

const running = (ready: boolean, extra: any = {}) => ({
  phase: 'Running',
  conditions: [
    {
      type: 'Ready',
      status: ready ? 'True' : 'False',
      ...(ready ? {} : { message: 'containers with unready status: [app]' }),
    },
  ],
  containerStatuses: [
    {
      name: 'app',
      image: 'registry/checkout:1.2.3',
      imageID: '',
      ready,
      restartCount: 0,
      state: { running: { startedAt: '2026-11-01T10:00:00Z' } },
      ...extra,
    },
  ],
});

describe('Deployment health (Argo CD rules)', () => {
  it('calls the recorded, fully rolled-out Deployment Healthy', () => {
    const recorded = recordedDeploymentList.items[0];
    expect(deploymentHealth(recorded)).toEqual({ health: 'Healthy' });
    expect(deploymentHealth(deployment())).toEqual({ health: 'Healthy' });
  });

  it('calls a paused Deployment Suspended', () => {
    const paused = deployment(d => {
      d.spec.paused = true;
    });
    expect(deploymentHealth(paused).health).toBe('Suspended');
  });

  it('calls a Deployment past its progress deadline Degraded', () => {
    const stuck = deployment(d => {
      d.status.conditions = [
        {
          type: 'Progressing',
          status: 'False',
          reason: 'ProgressDeadlineExceeded',
          message: 'ReplicaSet "coredns-5d78c9869d" has timed out progressing.',
        },
      ];
    });
    expect(deploymentHealth(stuck)).toEqual({
      health: 'Degraded',
      message: 'Deployment "coredns" exceeded its progress deadline',
    });
  });

  it('calls a rollout in flight Progressing, with Argo CD’s reason', () => {
    const rolling = deployment(d => {
      d.status.updatedReplicas = 1;
      d.spec.replicas = 3;
    });
    expect(deploymentHealth(rolling)).toEqual({
      health: 'Progressing',
      message:
        'Waiting for rollout to finish: 1 out of 3 new replicas have been updated...',
    });
    const unobserved = deployment(d => {
      d.metadata.generation = 5;
      d.status.observedGeneration = 4;
    });
    expect(deploymentHealth(unobserved).health).toBe('Progressing');
    const unavailable = deployment(d => {
      d.status.availableReplicas = 0;
    });
    expect(deploymentHealth(unavailable).message).toMatch(
      /0 of \d+ updated replicas are available/,
    );
  });
});

describe('StatefulSet health (Argo CD rules)', () => {
  it('waits for ready pods and for the rolling update', () => {
    const set = {
      metadata: { name: 'db', generation: 2 },
      spec: { replicas: 3 },
      status: {
        observedGeneration: 2,
        replicas: 3,
        readyReplicas: 3,
        currentRevision: 'db-1',
        updateRevision: 'db-1',
      },
    } as any;
    expect(statefulSetHealth(set).health).toBe('Healthy');
    expect(
      statefulSetHealth({ ...set, status: { ...set.status, readyReplicas: 1 } })
        .message,
    ).toBe('Waiting for 2 pods to be ready...');
    expect(
      statefulSetHealth({
        ...set,
        status: { ...set.status, updateRevision: 'db-2' },
      }).health,
    ).toBe('Progressing');
  });
});

describe('pods not ready', () => {
  it('ignores ready and completed pods', () => {
    expect(podProblem(pod(running(true)))).toBeUndefined();
    expect(podProblem(pod({ phase: 'Succeeded' }))).toBeUndefined();
  });

  it('names CrashLoopBackOff with its restarts', () => {
    const crashing = pod(
      running(false, {
        restartCount: 41,
        state: {
          waiting: {
            reason: 'CrashLoopBackOff',
            message: 'back-off 5m0s restarting failed container=app',
          },
        },
        lastState: { terminated: { exitCode: 1, reason: 'Error' } },
      }),
    );
    expect(podProblem(crashing)).toMatchObject({
      reason: 'CrashLoopBackOff',
      restarts: 41,
      message: 'back-off 5m0s restarting failed container=app',
    });
  });

  it('names a crash loop caused by the memory limit OOMKilled', () => {
    const oom = pod(
      running(false, {
        restartCount: 6,
        state: { waiting: { reason: 'CrashLoopBackOff' } },
        lastState: { terminated: { exitCode: 137, reason: 'OOMKilled' } },
      }),
    );
    expect(podProblem(oom)?.reason).toBe('OOMKilled');
  });

  it('names ImagePullBackOff of a pending pod', () => {
    const pulling = pod({
      phase: 'Pending',
      containerStatuses: [
        {
          name: 'app',
          image: 'registry/checkout:9.9.9',
          imageID: '',
          ready: false,
          restartCount: 0,
          state: {
            waiting: {
              reason: 'ImagePullBackOff',
              message: 'Back-off pulling image "registry/checkout:9.9.9"',
            },
          },
        },
      ],
    });
    expect(podProblem(pulling)).toMatchObject({
      reason: 'ImagePullBackOff',
      message: 'Back-off pulling image "registry/checkout:9.9.9"',
    });
  });

  it('says why a pod is Pending when it cannot be scheduled', () => {
    const unschedulable = pod({
      phase: 'Pending',
      conditions: [
        {
          type: 'PodScheduled',
          status: 'False',
          reason: 'Unschedulable',
          message: '0/3 nodes are available: 3 Insufficient memory.',
        },
      ],
    });
    expect(podProblem(unschedulable)).toMatchObject({
      reason: 'Pending',
      message: '0/3 nodes are available: 3 Insufficient memory.',
    });
  });

  it('calls a running pod whose readiness probe fails NotReady', () => {
    expect(podProblem(pod(running(false)))).toMatchObject({
      reason: 'NotReady',
      message: 'containers with unready status: [app]',
    });
  });

  it('names evicted pods', () => {
    const evicted = pod({
      phase: 'Failed',
      reason: 'Evicted',
      message: 'The node was low on resource: memory.',
    });
    expect(podProblem(evicted)?.reason).toBe('Evicted');
  });
});

describe('HorizontalPodAutoscaler health', () => {
  const hpa = (conditions: any[] | undefined) =>
    valid('horizontalpodautoscaler-autoscaling-v2.json', {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'checkout-api', namespace: 'checkout' },
      spec: {
        scaleTargetRef: {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          name: 'checkout-api',
        },
        minReplicas: 2,
        maxReplicas: 10,
      },
      status: { currentReplicas: 10, desiredReplicas: 10, conditions },
    });
  const condition = (type: string, status: string, reason: string) => ({
    type,
    status,
    reason,
    message: `${type} ${reason}`,
    lastTransitionTime: '2026-11-01T10:00:00Z',
  });

  it('is Healthy when it can scale, and says when it is at its limit', () => {
    const limited = autoscalerStatus(
      hpa([
        condition('AbleToScale', 'True', 'ReadyForNewScale'),
        condition('ScalingActive', 'True', 'ValidMetricFound'),
        condition('ScalingLimited', 'True', 'TooManyReplicas'),
      ]),
    );
    expect(limited).toMatchObject({
      health: 'Healthy',
      currentReplicas: 10,
      desiredReplicas: 10,
      maxReplicas: 10,
      message: 'TooManyReplicas: ScalingLimited TooManyReplicas',
    });
  });

  it('is Degraded when it cannot read its metrics', () => {
    const blind = autoscalerStatus(
      hpa([
        condition('AbleToScale', 'True', 'SucceededGetScale'),
        condition('ScalingActive', 'False', 'FailedGetResourceMetric'),
      ]),
    );
    expect(blind.health).toBe('Degraded');
    expect(blind.message).toContain('FailedGetResourceMetric');
  });

  it('is Progressing before it has any condition', () => {
    expect(autoscalerStatus(hpa(undefined)).health).toBe('Progressing');
  });
});
