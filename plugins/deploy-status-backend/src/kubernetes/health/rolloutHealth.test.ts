import { ApiObject, rollouts } from './__fixtures__';
import { ArgoRollout, rolloutHealth } from './rolloutHealth';

const health = (object: ApiObject) => rolloutHealth(object as ArgoRollout);
const NOT_OBSERVED = {
  health: 'Progressing',
  message: 'Waiting for rollout spec update to be observed',
};

describe('rolloutHealth (Argo CD resource_customizations/argoproj.io/Rollout/health.lua)', () => {
  describe('observed generation', () => {
    it('Progressing before the controller writes any status', () => {
      expect(health(rollouts.justCreated)).toEqual(NOT_OBSERVED);
    });

    it('Progressing while status.observedGeneration is below metadata.generation', () => {
      expect(health(rollouts.generationNotObserved)).toEqual(NOT_OBSERVED);
    });

    it("Progressing while the referenced workload's generation is not observed (workloadRef)", () => {
      expect(health(rollouts.workloadGenerationNotObserved)).toEqual(
        NOT_OBSERVED,
      );
    });

    it("goes on once the workload's generation is observed", () => {
      expect(health(rollouts.workloadGenerationObserved)).toEqual({
        health: 'Healthy',
      });
    });

    it('a v0.9 hash as observedGeneration counts as observed', () => {
      expect(health(rollouts.legacyHashObservedGeneration)).toEqual({
        health: 'Healthy',
      });
    });
  });

  describe("Argo Rollouts v1.0+: the controller's status.phase", () => {
    it('Healthy when the phase is Healthy', () => {
      expect(health(rollouts.healthy)).toEqual({ health: 'Healthy' });
    });

    it('Suspended when the phase is Paused, with the message', () => {
      expect(health(rollouts.paused)).toEqual({
        health: 'Suspended',
        message: 'CanaryPauseStep',
      });
    });

    it('Progressing when the phase is Progressing, with the message', () => {
      expect(health(rollouts.progressing)).toEqual({
        health: 'Progressing',
        message: 'more replicas need to be updated',
      });
    });

    it('Degraded when the phase is Degraded, with the message', () => {
      expect(health(rollouts.degraded)).toEqual({
        health: 'Degraded',
        message: 'RolloutAborted: Rollout aborted update to revision 5',
      });
    });

    it('Unknown when the phase is not a health status', () => {
      expect(health(rollouts.phaseNotAHealth)).toEqual({
        health: 'Unknown',
        message: 'Lua returned an invalid health status',
      });
    });
  });

  describe('older controllers (no phase)', () => {
    it('Degraded for an InvalidSpec condition, with its message', () => {
      expect(health(rollouts.legacyInvalidSpec)).toEqual({
        health: 'Degraded',
        message: rollouts.legacyInvalidSpec.status.conditions[0].message,
      });
    });

    it('Degraded when the Progressing condition says RolloutAborted', () => {
      expect(health(rollouts.legacyAborted)).toEqual({
        health: 'Degraded',
        message: 'Rollout is aborted',
      });
    });

    it('Degraded when the Progressing condition says ProgressDeadlineExceeded', () => {
      expect(health(rollouts.legacyProgressDeadlineExceeded)).toEqual({
        health: 'Degraded',
        message:
          'ReplicaSet "checkout-api-7d9f8b6c5d" has timed out progressing.',
      });
    });

    it('Suspended with pause conditions', () => {
      expect(health(rollouts.legacyPauseCondition)).toEqual({
        health: 'Suspended',
        message: 'Rollout is paused',
      });
    });

    it('Suspended when spec.paused', () => {
      expect(health(rollouts.legacyUserPause)).toEqual({
        health: 'Suspended',
        message: 'Rollout is paused',
      });
    });

    it('Progressing until the status is reconciled (no currentPodHash)', () => {
      expect(health(rollouts.legacyNotReconciled)).toEqual({
        health: 'Progressing',
        message:
          'Waiting for rollout to finish: status has not been reconciled.',
      });
    });

    it('Progressing while fewer replicas are updated than desired', () => {
      expect(health(rollouts.legacyUpdatingReplicas)).toEqual({
        health: 'Progressing',
        message:
          'Waiting for roll out to finish: More replicas need to be updated',
      });
    });

    it('Progressing while updated replicas are not all available', () => {
      expect(health(rollouts.legacyUpdatedNotAvailable)).toEqual({
        health: 'Progressing',
        message:
          'Waiting for roll out to finish: updated replicas are still becoming available',
      });
    });

    it('Progressing while a canary has old replicas pending termination', () => {
      expect(health(rollouts.legacyCanaryOldReplicas)).toEqual({
        health: 'Progressing',
        message:
          'Waiting for roll out to finish: old replicas are pending termination',
      });
    });

    it('Progressing while a canary has steps left (stable is not current)', () => {
      expect(health(rollouts.legacyCanaryStepsLeft)).toEqual({
        health: 'Progressing',
        message: 'Waiting for rollout to finish steps',
      });
    });

    it('Healthy when a canary is done', () => {
      expect(health(rollouts.legacyCanaryHealthy)).toEqual({
        health: 'Healthy',
      });
    });

    it('Healthy when a pre-v0.8 canary is done (status.canary.stableRS)', () => {
      // Argo Rollouts before v0.8; the current CRD no longer has this field.
      const object = structuredClone(rollouts.legacyCanaryHealthy);
      object.status.canary = { stableRS: object.status.stableRS };
      delete object.status.stableRS;
      expect(health(object)).toEqual({ health: 'Healthy' });
    });

    it('Progressing while a blue-green active Service is not cut over', () => {
      expect(health(rollouts.legacyBlueGreenCutoverPending)).toEqual({
        health: 'Progressing',
        message: 'active service cutover pending',
      });
    });

    it('Progressing while blue-green analysis runs (stable is not current)', () => {
      expect(health(rollouts.legacyBlueGreenAnalysisRunning)).toEqual({
        health: 'Progressing',
        message: 'waiting for analysis to complete',
      });
    });

    it('Healthy when blue-green serves the current pods', () => {
      expect(health(rollouts.legacyBlueGreenHealthy)).toEqual({
        health: 'Healthy',
      });
    });
  });

  describe('malformed objects never throw', () => {
    it('Unknown, naming the field, without conditions and phase (the Lua loop needs a list)', () => {
      expect(health(rollouts.legacyWithoutConditions)).toEqual({
        health: 'Unknown',
        message:
          'failed to run the argoproj.io/Rollout health check: status.conditions: expected a list, got nothing',
      });
    });

    it('Unknown, naming the field, without spec.strategy', () => {
      const object = structuredClone(rollouts.legacyCanaryHealthy);
      delete object.spec.strategy;
      expect(health(object)).toEqual({
        health: 'Unknown',
        message:
          'failed to run the argoproj.io/Rollout health check: spec.strategy: expected an object, got nothing',
      });
    });

    it('Unknown, naming the field, when a replica count is a string', () => {
      const object = structuredClone(rollouts.legacyCanaryHealthy);
      object.status.updatedReplicas = '3';
      expect(health(object)).toEqual({
        health: 'Unknown',
        message:
          'failed to run the argoproj.io/Rollout health check: status.updatedReplicas: expected a number, got the string "3"',
      });
    });

    it('Unknown when status is not an object', () => {
      const object = structuredClone(rollouts.healthy);
      object.status = 'Healthy';
      expect(health(object).health).toBe('Unknown');
    });
  });
});
