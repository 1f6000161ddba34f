import type { V1Deployment } from '@kubernetes/client-node';
import { ApiObject, deployments } from './__fixtures__';
import { contractJson } from './__testUtils__/contractSchemas';
import { deploymentHealth } from './deploymentHealth';
import { resourceHealth } from './resourceHealth';

const health = (object: ApiObject) =>
  deploymentHealth(object as unknown as V1Deployment);

describe('deploymentHealth (gitops-engine health_deployment.go)', () => {
  it('Healthy when every desired replica is updated and available', () => {
    expect(health(deployments.healthy)).toEqual({ health: 'Healthy' });
  });

  it('Suspended when spec.paused', () => {
    expect(health(deployments.paused)).toEqual({
      health: 'Suspended',
      message: 'Deployment is paused',
    });
  });

  it('Progressing while the controller has not observed the current generation', () => {
    expect(health(deployments.generationNotObserved)).toEqual({
      health: 'Progressing',
      message:
        'Waiting for rollout to finish: observed deployment generation less than desired generation',
    });
  });

  it('Progressing while status is not observed at all (just created)', () => {
    expect(health(deployments.justCreated)).toEqual({
      health: 'Progressing',
      message:
        'Waiting for rollout to finish: observed deployment generation less than desired generation',
    });
  });

  it('Degraded when the Progressing condition says ProgressDeadlineExceeded', () => {
    expect(health(deployments.progressDeadlineExceeded)).toEqual({
      health: 'Degraded',
      message: 'Deployment "checkout-api" exceeded its progress deadline',
    });
  });

  it('Progressing while fewer replicas are updated than desired', () => {
    expect(health(deployments.updatingReplicas)).toEqual({
      health: 'Progressing',
      message:
        'Waiting for rollout to finish: 1 out of 3 new replicas have been updated...',
    });
  });

  it('Progressing while old replicas are pending termination', () => {
    expect(health(deployments.oldReplicasTerminating)).toEqual({
      health: 'Progressing',
      message:
        'Waiting for rollout to finish: 1 old replicas are pending termination...',
    });
  });

  it('Progressing while updated replicas are not all available', () => {
    expect(health(deployments.updatedNotAvailable)).toEqual({
      health: 'Progressing',
      message:
        'Waiting for rollout to finish: 2 of 3 updated replicas are available...',
    });
  });

  it('Healthy when scaled to zero (no counts in the status)', () => {
    expect(health(deployments.scaledToZero)).toEqual({ health: 'Healthy' });
  });

  describe('malformed objects never throw', () => {
    it('Unknown, naming the field, when a count is a string', () => {
      const object = structuredClone(deployments.healthy);
      object.status.updatedReplicas = '3';
      expect(health(object)).toEqual({
        health: 'Unknown',
        message:
          'failed to convert unstructured Deployment to typed: status.updatedReplicas: expected an integer, got the string "3"',
      });
    });

    it('Unknown, naming the field, when conditions is not a list', () => {
      const object = structuredClone(deployments.healthy);
      object.status.conditions = { type: 'Progressing' };
      expect(health(object)).toEqual({
        health: 'Unknown',
        message:
          'failed to convert unstructured Deployment to typed: status.conditions: expected a list, got an object',
      });
    });

    it('Unknown when status is not an object', () => {
      const object = structuredClone(deployments.healthy);
      object.status = 'ok';
      expect(health(object).health).toBe('Unknown');
      expect(health(object).message).toContain('status: expected an object');
    });

    it('Progressing when the status is null', () => {
      const object = structuredClone(deployments.healthy);
      object.status = null;
      expect(health(object).health).toBe('Progressing');
    });
  });
});

describe('the recorded DeploymentList of a kind cluster (k8s-openapi replay, v1.36)', () => {
  const list = contractJson(
    'kubernetes/examples/k8s-openapi-replays-v1.36/deployment-list.response-body.json',
  );

  it('is the answer this test expects', () => {
    expect(list.kind).toBe('DeploymentList');
    expect(list.items.map((d: any) => d.metadata.name)).toEqual(['coredns']);
  });

  it('Argo CD rates its coredns Deployment Healthy (2 of 2 replicas updated and available)', () => {
    for (const item of list.items) {
      expect(deploymentHealth(item)).toEqual({ health: 'Healthy' });
      // List items carry no apiVersion/kind; the list's own tell them.
      expect(
        resourceHealth({
          apiVersion: list.apiVersion,
          kind: 'Deployment',
          ...item,
        }),
      ).toEqual({ health: 'Healthy' });
    }
  });

  it('the same Deployment mid-rollout, as recorded plus a new generation, is Progressing', () => {
    const item = structuredClone(list.items[0]);
    item.metadata.generation = 2;
    expect(deploymentHealth(item)).toEqual({
      health: 'Progressing',
      message:
        'Waiting for rollout to finish: observed deployment generation less than desired generation',
    });
  });
});
