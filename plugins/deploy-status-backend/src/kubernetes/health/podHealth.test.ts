import type { V1Pod } from '@kubernetes/client-node';
import { ApiObject, podMessages, pods } from './__fixtures__';
import { podHealth } from './podHealth';

const health = (object: ApiObject) => podHealth(object as unknown as V1Pod);
const { CRASH_MESSAGE, PULL_MESSAGE } = podMessages;

describe('podHealth (gitops-engine health_pod.go)', () => {
  describe('restartPolicy Always: long-running pods', () => {
    it('Healthy when a bare pod is Running and Ready', () => {
      expect(health(pods.runningReady)).toEqual({ health: 'Healthy' });
    });

    it('Progressing when Running, not Ready, and no container has terminated before', () => {
      expect(health(pods.runningNotReady)).toEqual({ health: 'Progressing' });
    });

    it("Degraded when Running, not Ready, and a container's lastState terminated with Error", () => {
      expect(health(pods.runningNotReadyRestartedAfterError)).toEqual({
        health: 'Degraded',
      });
    });

    it('Degraded when a restartPolicy Always container waits in CrashLoopBackOff', () => {
      expect(health(pods.crashLoopBackOff)).toEqual({
        health: 'Degraded',
        message: CRASH_MESSAGE,
      });
    });

    it('Degraded when a container waits in ImagePullBackOff (…BackOff), even while Pending', () => {
      expect(health(pods.imagePullBackOff)).toEqual({
        health: 'Degraded',
        message: PULL_MESSAGE,
      });
    });

    it('Degraded when a container waits in ErrImagePull (Err…)', () => {
      expect(health(pods.errImagePull)).toEqual({
        health: 'Degraded',
        message: `failed to pull and unpack image "registry.example.com/checkout/api:1.4.2": not found`,
      });
    });

    it('Degraded when a container waits in CreateContainerConfigError (…Error)', () => {
      expect(health(pods.createContainerConfigError)).toEqual({
        health: 'Degraded',
        message: 'secret "checkout-db" not found',
      });
    });

    it('Degraded with the messages of every failing container, joined', () => {
      expect(health(pods.twoContainersFailing)).toEqual({
        health: 'Degraded',
        message: `${CRASH_MESSAGE}, ${PULL_MESSAGE}`,
      });
    });

    it('Progressing when a container waits in ContainerCreating (not a failing reason)', () => {
      expect(health(pods.containerCreating)).toEqual({
        health: 'Progressing',
      });
    });

    it('Progressing when only an init container crash-loops (init containers are not checked for waiting reasons)', () => {
      expect(health(pods.initContainerCrashLoop)).toEqual({
        health: 'Progressing',
      });
    });

    it('Unknown when the phase is Unknown (node lost)', () => {
      expect(health(pods.phaseUnknown)).toEqual({
        health: 'Unknown',
        message: 'status.phase is "Unknown"',
      });
    });
  });

  describe('every restart policy', () => {
    it('Progressing when Pending, with the pod message', () => {
      expect(health(pods.pendingUnschedulable)).toEqual({
        health: 'Progressing',
        message: '0/3 nodes are available: 3 Insufficient memory.',
      });
    });

    it('Healthy when Succeeded', () => {
      expect(health(pods.succeeded)).toEqual({ health: 'Healthy' });
    });

    it('Degraded when Failed, with the pod message (evicted)', () => {
      expect(health(pods.evicted)).toEqual({
        health: 'Degraded',
        message:
          'The node was low on resource: memory. Threshold quantity: 100Mi, available: 88Mi.',
      });
    });

    it("Degraded when Failed, with the container's termination message", () => {
      expect(health(pods.failedWithTerminationMessage)).toEqual({
        health: 'Degraded',
        message: 'migration 0042 failed: relation "orders" already exists',
      });
    });

    it('Degraded when Failed, "OOMKilled" for a container killed out of memory', () => {
      expect(health(pods.failedOomKilled)).toEqual({
        health: 'Degraded',
        message: 'OOMKilled',
      });
    });

    it('Degraded when Failed, naming the container and its exit code', () => {
      expect(health(pods.failedExitCode)).toEqual({
        health: 'Degraded',
        message: 'container "api" failed with exit code 1',
      });
    });

    it('Degraded when Failed, init containers first', () => {
      expect(health(pods.failedInitContainer)).toEqual({
        health: 'Degraded',
        message: 'container "wait-for-db" failed with exit code 3',
      });
    });

    it('Degraded when Failed without any reason given', () => {
      expect(health(pods.failedWithoutReason)).toEqual({ health: 'Degraded' });
    });
  });

  describe('restartPolicy OnFailure / Never: run to completion', () => {
    it('Progressing when an OnFailure pod runs, even Ready', () => {
      expect(health(pods.onFailureRunning)).toEqual({ health: 'Progressing' });
    });

    it('Progressing when a Never pod runs, even Ready', () => {
      expect(health(pods.neverRunning)).toEqual({ health: 'Progressing' });
    });

    it('Progressing when an OnFailure pod crash-loops', () => {
      expect(health(pods.onFailureCrashLoopBackOff)).toEqual({
        health: 'Progressing',
      });
    });

    it('Progressing when a Never pod waits in ImagePullBackOff', () => {
      expect(health(pods.neverImagePullBackOff)).toEqual({
        health: 'Progressing',
      });
    });
  });

  describe('argocd.argoproj.io/ignore-restart-policy: "true"', () => {
    it('Healthy when a running Never pod is Ready', () => {
      expect(health(pods.ignoreRestartPolicyReady)).toEqual({
        health: 'Healthy',
      });
    });

    it('Progressing when a running OnFailure pod is not Ready yet', () => {
      expect(health(pods.ignoreRestartPolicyNotReady)).toEqual({
        health: 'Progressing',
      });
    });

    it('Degraded when a running OnFailure pod is not Ready and a container terminated before', () => {
      expect(health(pods.ignoreRestartPolicyRestarted)).toEqual({
        health: 'Degraded',
      });
    });

    it('Degraded when a running Never pod waits in ImagePullBackOff (assessed like a long-running pod)', () => {
      expect(health(pods.ignoreRestartPolicyImagePullBackOff)).toEqual({
        health: 'Degraded',
        message: PULL_MESSAGE,
      });
    });

    it('no effect on a Pending pod: Progressing', () => {
      expect(health(pods.ignoreRestartPolicyPending)).toEqual({
        health: 'Progressing',
      });
    });

    it('still Degraded when the pod fails', () => {
      expect(health(pods.ignoreRestartPolicyFailed)).toEqual({
        health: 'Degraded',
        message: 'container "api" failed with exit code 1',
      });
    });

    it('only "true" counts: "false" leaves a running Never pod Progressing', () => {
      expect(health(pods.ignoreRestartPolicyFalse)).toEqual({
        health: 'Progressing',
      });
    });

    it('no effect on an Argo CD resource hook: Progressing until it completes', () => {
      expect(health(pods.ignoreRestartPolicyArgoHook)).toEqual({
        health: 'Progressing',
      });
    });

    it('no effect on a Helm hook either', () => {
      expect(health(pods.ignoreRestartPolicyHelmHook)).toEqual({
        health: 'Progressing',
      });
    });

    it('honoured for a hook annotation that only says Skip (not a hook)', () => {
      expect(health(pods.ignoreRestartPolicySkippedHook)).toEqual({
        health: 'Healthy',
      });
    });
  });

  describe('malformed objects never throw', () => {
    it('Unknown when status is missing (no phase)', () => {
      const object = structuredClone(pods.runningReady);
      delete object.status;
      expect(health(object)).toEqual({
        health: 'Unknown',
        message: 'status.phase is not set',
      });
    });

    it('Unknown when a running pod has no restartPolicy', () => {
      expect(health(pods.runningWithoutRestartPolicy)).toEqual({
        health: 'Unknown',
        message: 'spec.restartPolicy is not set',
      });
    });

    it('Unknown, naming the field, when conditions is not a list', () => {
      const object = structuredClone(pods.runningReady);
      object.status.conditions = 'Ready';
      expect(health(object)).toEqual({
        health: 'Unknown',
        message:
          'failed to convert unstructured Pod to typed: status.conditions: expected a list, got the string "Ready"',
      });
    });

    it('Unknown, naming the field, when an exit code is a string', () => {
      const object = structuredClone(pods.failedExitCode);
      object.status.containerStatuses[0].state.terminated.exitCode = '1';
      expect(health(object)).toEqual({
        health: 'Unknown',
        message:
          'failed to convert unstructured Pod to typed: status.containerStatuses[0].state.terminated.exitCode: expected an integer, got the string "1"',
      });
    });

    it('Unknown, naming the field, when an annotation is not a string', () => {
      const object = structuredClone(pods.ignoreRestartPolicyReady);
      object.metadata.annotations['argocd.argoproj.io/ignore-restart-policy'] =
        true;
      expect(health(object)).toEqual({
        health: 'Unknown',
        message:
          'failed to convert unstructured Pod to typed: metadata.annotations["argocd.argoproj.io/ignore-restart-policy"]: expected a string, got boolean true',
      });
    });
  });
});
