import {
  ApiObject,
  applications,
  cronJobs,
  daemonSets,
  deployments,
  hpasV1,
  hpasV2,
  hpasV2beta1,
  hpasV2beta2,
  ingresses,
  jobs,
  persistentVolumeClaims,
  pods,
  replicaSets,
  rollouts,
  services,
  statefulSets,
  unassessed,
} from './__fixtures__';
import { resourceHealth } from './resourceHealth';
import * as healthModule from '.';

const withApiVersion = (object: ApiObject, apiVersion: string) => ({
  ...structuredClone(object),
  apiVersion,
});

describe('resourceHealth: dispatch by API group and kind, as gitops-engine does', () => {
  it.each<[string, ApiObject, string]>([
    ['apps/v1 Deployment', deployments.updatingReplicas, 'Progressing'],
    ['apps/v1 StatefulSet', statefulSets.podsNotReady, 'Progressing'],
    ['apps/v1 DaemonSet', daemonSets.updating, 'Progressing'],
    ['apps/v1 ReplicaSet', replicaSets.replicaFailure, 'Degraded'],
    ['v1 Pod', pods.crashLoopBackOff, 'Degraded'],
    ['v1 Service', services.loadBalancerPending, 'Progressing'],
    ['v1 PersistentVolumeClaim', persistentVolumeClaims.lost, 'Degraded'],
    ['batch/v1 Job', jobs.failed, 'Degraded'],
    ['batch/v1 CronJob', cronJobs.running, 'Progressing'],
    [
      'autoscaling/v2 HorizontalPodAutoscaler',
      hpasV2.failedGetScale,
      'Degraded',
    ],
    [
      'autoscaling/v2beta2 HorizontalPodAutoscaler',
      hpasV2beta2.invalidSelector,
      'Degraded',
    ],
    [
      'autoscaling/v2beta1 HorizontalPodAutoscaler',
      hpasV2beta1.healthy,
      'Healthy',
    ],
    [
      'autoscaling/v1 HorizontalPodAutoscaler',
      hpasV1.failedUpdateScale,
      'Degraded',
    ],
    ['networking.k8s.io/v1 Ingress', ingresses.withIp, 'Healthy'],
    ['extensions/v1beta1 Ingress', ingresses.extensionsWithIp, 'Healthy'],
    ['argoproj.io/v1alpha1 Rollout', rollouts.paused, 'Suspended'],
    ['argoproj.io/v1alpha1 Application', applications.degraded, 'Degraded'],
  ])('assesses %s', (_name, object, expected) => {
    expect(resourceHealth(object)?.health).toBe(expected);
  });

  it('assesses an Ingress of any version of its groups (networking.k8s.io/v1beta1)', () => {
    expect(
      resourceHealth(
        withApiVersion(ingresses.withIp, 'networking.k8s.io/v1beta1'),
      ),
    ).toEqual({ health: 'Healthy' });
  });

  it('Unknown for a Deployment of another apps version (gitops-engine converts apps/v1 only)', () => {
    expect(
      resourceHealth(withApiVersion(deployments.healthy, 'apps/v1beta2')),
    ).toEqual({
      health: 'Unknown',
      message: 'unsupported Deployment GVK: apps/v1beta2, Kind=Deployment',
    });
  });

  it('does not assess an extensions Deployment (gitops-engine only dispatches Ingress there)', () => {
    expect(
      resourceHealth(withApiVersion(deployments.healthy, 'extensions/v1beta1')),
    ).toBeUndefined();
  });

  it('does not assess a kind in the wrong group', () => {
    expect(
      resourceHealth(withApiVersion(pods.runningReady, 'apps/v1')),
    ).toBeUndefined();
    expect(
      resourceHealth(withApiVersion(deployments.healthy, 'v1')),
    ).toBeUndefined();
    expect(
      resourceHealth(withApiVersion(rollouts.healthy, 'apps/v1')),
    ).toBeUndefined();
  });

  it('Unknown for a core kind without apiVersion (no version to convert to)', () => {
    const object: any = structuredClone(pods.runningReady);
    delete object.apiVersion;
    expect(resourceHealth(object)).toEqual({
      health: 'Unknown',
      message: 'unsupported Pod GVK: /, Kind=Pod',
    });
  });

  it.each([
    ['ConfigMap', unassessed.configMap],
    ['Secret', unassessed.secret],
    ['ServiceAccount', unassessed.serviceAccount],
  ])('does not assess a %s (counts as present)', (_kind, object) => {
    expect(resourceHealth(object)).toBeUndefined();
  });

  it('does not assess an unknown kind', () => {
    expect(
      resourceHealth({
        apiVersion: 'cert-manager.io/v1',
        kind: 'Certificate',
        metadata: { name: 'checkout-tls', namespace: 'checkout' },
        spec: { secretName: 'checkout-tls' },
      }),
    ).toBeUndefined();
  });

  it('never throws on what is not an object', () => {
    expect(resourceHealth(null as any)).toBeUndefined();
    expect(resourceHealth('Pod' as any)).toBeUndefined();
    expect(resourceHealth([] as any)).toBeUndefined();
    expect(resourceHealth({} as any)).toBeUndefined();
  });

  it('never throws on malformed metadata: Unknown, naming the field, for an assessed kind', () => {
    const object: any = structuredClone(pods.runningReady);
    object.metadata = 'checkout-api';
    expect(resourceHealth(object)).toEqual({
      health: 'Unknown',
      message:
        'failed to convert unstructured Pod to typed: metadata: expected an object, got the string "checkout-api"',
    });
    const configMap: any = structuredClone(unassessed.configMap);
    configMap.metadata = 'checkout-api-config';
    expect(resourceHealth(configMap)).toBeUndefined();
  });
});

describe('resourceHealth: argocd.argoproj.io/ignore-healthcheck', () => {
  const ignored = (object: ApiObject, value: string) => {
    const copy = structuredClone(object);
    copy.metadata.annotations = {
      ...copy.metadata.annotations,
      'argocd.argoproj.io/ignore-healthcheck': value,
    };
    return copy;
  };

  it('not assessed with the annotation "true", however unhealthy', () => {
    expect(
      resourceHealth(ignored(pods.crashLoopBackOff, 'true')),
    ).toBeUndefined();
    expect(
      resourceHealth(ignored(deployments.progressDeadlineExceeded, 'true')),
    ).toBeUndefined();
  });

  it('assessed with any other value', () => {
    expect(
      resourceHealth(ignored(pods.crashLoopBackOff, 'false'))?.health,
    ).toBe('Degraded');
    expect(resourceHealth(ignored(pods.crashLoopBackOff, 'yes'))?.health).toBe(
      'Degraded',
    );
  });

  it('not assessed even while being deleted', () => {
    expect(resourceHealth(ignored(pods.terminating, 'true'))).toBeUndefined();
  });
});

describe('resourceHealth: objects being deleted', () => {
  it('Progressing, "Pending deletion", while being deleted', () => {
    expect(resourceHealth(pods.terminating)).toEqual({
      health: 'Progressing',
      message: 'Pending deletion',
    });
  });

  it('Progressing, "Pending deletion", for any kind, even one Argo CD does not assess', () => {
    expect(resourceHealth(unassessed.configMapBeingDeleted)).toEqual({
      health: 'Progressing',
      message: 'Pending deletion',
    });
  });

  it("the kind's rules for a hook held by Argo CD's hook finalizer", () => {
    expect(resourceHealth(pods.terminatingHookWithFinalizer)).toEqual({
      health: 'Healthy',
    });
  });
});

describe('resourceHealth: the cases the product team reported as wrong', () => {
  it('Healthy when a bare pod is Running and Ready', () => {
    expect(resourceHealth(pods.runningReady)).toEqual({ health: 'Healthy' });
  });

  it('Healthy when a pod Succeeded', () => {
    expect(resourceHealth(pods.succeeded)).toEqual({ health: 'Healthy' });
  });

  it("Degraded when a pod is Running, not Ready, and its container's lastState terminated with Error", () => {
    expect(resourceHealth(pods.runningNotReadyRestartedAfterError)).toEqual({
      health: 'Degraded',
    });
  });

  it('Progressing when an OnFailure pod is in CrashLoopBackOff', () => {
    expect(resourceHealth(pods.onFailureCrashLoopBackOff)).toEqual({
      health: 'Progressing',
    });
  });

  it('Progressing for an HPA in scale backoff within range, as Argo CD rates it', () => {
    expect(resourceHealth(hpasV2.backoffWithinRange)).toEqual({
      health: 'Progressing',
      message: 'Waiting to Autoscale',
    });
    expect(resourceHealth(hpasV1.backoffWithinRange)).toEqual({
      health: 'Progressing',
      message: 'Waiting to Autoscale',
    });
  });
});

describe('the module', () => {
  it('exports resourceHealth and each per-kind check', () => {
    expect(Object.keys(healthModule).sort()).toEqual(
      [
        'HPA_V1_CONDITIONS_ANNOTATION',
        'applicationHealth',
        'cronJobHealth',
        'daemonSetHealth',
        'deploymentHealth',
        'horizontalPodAutoscalerHealth',
        'ingressHealth',
        'jobHealth',
        'persistentVolumeClaimHealth',
        'podHealth',
        'replicaSetHealth',
        'resourceHealth',
        'rolloutHealth',
        'serviceHealth',
        'statefulSetHealth',
      ].sort(),
    );
  });
});
