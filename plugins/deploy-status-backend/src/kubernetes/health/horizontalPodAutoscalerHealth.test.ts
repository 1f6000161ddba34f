import type { V2HorizontalPodAutoscaler } from '@kubernetes/client-node';
import {
  ApiObject,
  hpaConditions,
  hpasV1,
  hpasV2,
  hpasV2beta1,
  hpasV2beta2,
} from './__fixtures__';
import { horizontalPodAutoscalerHealth } from './horizontalPodAutoscalerHealth';

const health = (object: ApiObject) =>
  horizontalPodAutoscalerHealth(object as unknown as V2HorizontalPodAutoscaler);
const k = hpaConditions;
const WAITING = { health: 'Progressing', message: 'Waiting to Autoscale' };

describe('horizontalPodAutoscalerHealth (gitops-engine health_hpa.go)', () => {
  describe('autoscaling/v2: status.conditions, first deciding condition wins', () => {
    it('Healthy when AbleToScale is True, with its message', () => {
      expect(health(hpasV2.healthy)).toEqual({
        health: 'Healthy',
        message: k.ableToScale.message,
      });
    });

    it('Progressing, "Waiting to Autoscale", before the controller sets any condition', () => {
      expect(health(hpasV2.justCreated)).toEqual(WAITING);
    });

    it('Degraded when AbleToScale is False for FailedGetScale', () => {
      expect(health(hpasV2.failedGetScale)).toEqual({
        health: 'Degraded',
        message: k.failedGetScale.message,
      });
    });

    it('Degraded when ScalingActive is False for FailedGetResourceMetric and no earlier condition decides', () => {
      expect(health(hpasV2.backoffWhileMetricsFail)).toEqual({
        health: 'Degraded',
        message: k.failedGetResourceMetric.message,
      });
    });

    it('Healthy when AbleToScale True comes before a failing ScalingActive (the first deciding condition wins)', () => {
      expect(health(hpasV2.ableToScaleWhileMetricsFail)).toEqual({
        health: 'Healthy',
        message: k.succeededGetScale.message,
      });
    });

    it('Progressing when in scale backoff within range: no degraded and no healthy condition (an HPA Argo CD rates Progressing)', () => {
      expect(health(hpasV2.backoffWithinRange)).toEqual(WAITING);
    });

    it('Healthy when ScalingLimited is True, with its message', () => {
      expect(health(hpasV2.backoffAtMaximum)).toEqual({
        health: 'Healthy',
        message: k.tooManyReplicas.message,
      });
    });
  });

  describe('autoscaling/v2beta2 and v2beta1: status.conditions too', () => {
    it('Healthy for a v2beta2 HPA able to scale', () => {
      expect(health(hpasV2beta2.healthy)).toEqual({
        health: 'Healthy',
        message: k.ableToScale.message,
      });
    });

    it('Degraded when ScalingActive is False for InvalidSelector', () => {
      expect(health(hpasV2beta2.invalidSelector)).toEqual({
        health: 'Degraded',
        message: k.invalidSelector.message,
      });
    });

    it('Healthy for a v2beta1 HPA able to scale', () => {
      expect(health(hpasV2beta1.healthy)).toEqual({
        health: 'Healthy',
        message: k.ableToScale.message,
      });
    });
  });

  describe('autoscaling/v1: the autoscaling.alpha.kubernetes.io/conditions annotation', () => {
    it('Healthy when the annotated AbleToScale is True', () => {
      expect(health(hpasV1.healthy)).toEqual({
        health: 'Healthy',
        message: k.ableToScale.message,
      });
    });

    it('Degraded when AbleToScale is False for FailedUpdateScale', () => {
      expect(health(hpasV1.failedUpdateScale)).toEqual({
        health: 'Degraded',
        message: k.failedUpdateScale.message,
      });
    });

    it('Progressing in scale backoff within range', () => {
      expect(health(hpasV1.backoffWithinRange)).toEqual(WAITING);
    });

    it('Progressing, "Waiting to Autoscale", without the annotation', () => {
      expect(health(hpasV1.withoutAnnotation)).toEqual(WAITING);
    });

    it('Progressing when the annotation lists no condition', () => {
      expect(health(hpasV1.emptyConditions)).toEqual(WAITING);
    });

    it('Unknown, with a message, when the annotation is not valid JSON', () => {
      const verdict = health(hpasV1.malformedAnnotation);
      expect(verdict.health).toBe('Unknown');
      expect(verdict.message).toMatch(
        /^failed to convert conditions annotation to typed: /,
      );
    });

    it('Unknown when the annotation is JSON but not a list of conditions', () => {
      const object = structuredClone(hpasV1.healthy);
      object.metadata.annotations[
        'autoscaling.alpha.kubernetes.io/conditions'
      ] = '{"type":"AbleToScale"}';
      expect(health(object)).toEqual({
        health: 'Unknown',
        message:
          'failed to convert conditions annotation to typed: not a JSON list',
      });
      object.metadata.annotations[
        'autoscaling.alpha.kubernetes.io/conditions'
      ] = '[{"type":"AbleToScale","status":true}]';
      expect(health(object)).toEqual({
        health: 'Unknown',
        message:
          'failed to convert conditions annotation to typed: item 0: status is not a string',
      });
    });

    it("reads the annotation keys case-insensitively, like Go's encoding/json", () => {
      const object = structuredClone(hpasV1.healthy);
      object.metadata.annotations[
        'autoscaling.alpha.kubernetes.io/conditions'
      ] = '[{"Type":"AbleToScale","Status":"True","Message":"ok"}]';
      expect(health(object)).toEqual({ health: 'Healthy', message: 'ok' });
    });
  });

  describe('other versions and malformed objects', () => {
    it('Unknown for a version gitops-engine does not know', () => {
      const object = structuredClone(hpasV2.healthy);
      object.apiVersion = 'autoscaling/v3';
      expect(health(object)).toEqual({
        health: 'Unknown',
        message:
          'unsupported HPA GVK: autoscaling/v3, Kind=HorizontalPodAutoscaler',
      });
    });

    it('Unknown without apiVersion (the version decides where the conditions are)', () => {
      const object = structuredClone(hpasV2.healthy);
      delete (object as any).apiVersion;
      expect(health(object).health).toBe('Unknown');
    });

    it('Unknown, naming the field, when conditions is not a list', () => {
      const object = structuredClone(hpasV2.healthy);
      object.status.conditions = 'AbleToScale';
      expect(health(object)).toEqual({
        health: 'Unknown',
        message:
          'failed to convert unstructured HPA to typed: status.conditions: expected a list, got the string "AbleToScale"',
      });
    });

    it('Progressing, never throwing, without status', () => {
      const object = structuredClone(hpasV2.healthy);
      delete object.status;
      expect(health(object)).toEqual(WAITING);
    });
  });
});
