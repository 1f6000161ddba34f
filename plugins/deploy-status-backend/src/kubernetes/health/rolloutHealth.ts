import { luaResult, luaToNumber, luaTruthy } from './luaValues';
import { Fields, MalformedField } from './objectFields';
import { assessed, HealthVerdict, verdict } from './verdict';

/** The fields of an Argo Rollouts `argoproj.io/v1alpha1` Rollout that its health check reads. */
export interface ArgoRollout {
  apiVersion?: string;
  kind?: string;
  metadata?: {
    name?: string;
    namespace?: string;
    generation?: number;
    annotations?: Record<string, string>;
  };
  spec?: {
    replicas?: number;
    paused?: boolean;
    workloadRef?: { apiVersion?: string; kind?: string; name?: string };
    strategy?: { blueGreen?: object; canary?: object };
    [key: string]: unknown;
  };
  status?: {
    observedGeneration?: string;
    workloadObservedGeneration?: string;
    phase?: string;
    message?: string;
    conditions?: Array<{
      type?: string;
      status?: string;
      reason?: string;
      message?: string;
    }>;
    pauseConditions?: Array<{ reason?: string; startTime?: string }>;
    currentPodHash?: string;
    stableRS?: string;
    replicas?: number;
    updatedReplicas?: number;
    availableReplicas?: number;
    blueGreen?: { activeSelector?: string; previewSelector?: string };
    canary?: { stableRS?: string };
    [key: string]: unknown;
  };
}

const WORKLOAD_GENERATION = 'rollout.argoproj.io/workload-generation';
const NOT_OBSERVED = 'Waiting for rollout spec update to be observed';

/** The object at `key`, which the Lua check indexes: absent there is an error. */
function indexed(fields: Fields, key: string): Fields {
  if (!fields.has(key)) {
    throw new MalformedField(fields.pathOf(key), 'an object', fields.raw(key));
  }
  return fields.object(key);
}

/** A count the Lua check compares with `<`: a number, or its default when absent. */
function count(fields: Fields, key: string, byDefault: number): number {
  return fields.optionalNumber(key) ?? byDefault;
}

/**
 * A Rollout's health by the check Argo CD ships for `argoproj.io/Rollout`
 * (`resource_customizations/argoproj.io/Rollout/health.lua`):
 *
 * - Progressing, "Waiting for rollout spec update to be observed", without status, while a
 *   numeric `status.observedGeneration` differs from `metadata.generation`, or while the
 *   referenced workload's generation (`workloadRef`) is not the observed one;
 * - from Argo Rollouts v1.0 on, the controller's own `status.phase` and `status.message`
 *   (Paused is Suspended);
 * - for older controllers: Degraded for an InvalidSpec condition, or a Progressing condition
 *   with reason RolloutAborted or ProgressDeadlineExceeded; Suspended, "Rollout is paused", with
 *   pause conditions or `spec.paused`; Progressing until the status is reconciled, every desired
 *   replica is updated and available, the active Service points at the current pods
 *   (blue-green) or the steps are done (canary); otherwise Healthy.
 */
export function rolloutHealth(rollout: ArgoRollout): HealthVerdict {
  return assessed('failed to run the argoproj.io/Rollout health check', () => {
    const object = Fields.of(rollout);
    if (!object.has('status')) {
      return verdict('Progressing', NOT_OBSERVED);
    }
    const status = object.object('status');
    const metadata = object.object('metadata');

    // isGenerationObserved: a non-numeric observedGeneration is a v0.9 hash, always observed;
    // a numeric one above metadata.generation too.
    const observedGeneration = luaToNumber(status.raw('observedGeneration'));
    if (observedGeneration !== undefined) {
      const generation = metadata.optionalNumber('generation');
      if (generation === undefined) {
        throw new MalformedField('metadata.generation', 'a number', undefined);
      }
      if (observedGeneration < generation) {
        return verdict('Progressing', NOT_OBSERVED);
      }
    }
    // isWorkloadGenerationObserved (Argo Rollouts v1.1 workloadRef).
    const spec = indexed(object, 'spec');
    if (spec.has('workloadRef') && metadata.has('annotations')) {
      const annotations = metadata.object('annotations');
      const workloadGeneration = luaToNumber(
        annotations.raw(WORKLOAD_GENERATION),
      );
      const observedWorkload = luaToNumber(
        status.raw('workloadObservedGeneration'),
      );
      if (workloadGeneration !== observedWorkload) {
        return verdict('Progressing', NOT_OBSERVED);
      }
    }

    // Argo Rollouts v1.0 and later compute phase and message themselves.
    const phase = status.raw('phase');
    if (phase !== undefined) {
      return luaResult(
        phase === 'Paused' ? 'Suspended' : phase,
        status.raw('message'),
      );
    }

    const conditions = status.optionalList('conditions');
    if (conditions === undefined) {
      throw new MalformedField(
        status.pathOf('conditions'),
        'a list',
        undefined,
      );
    }
    for (const [i, item] of conditions.entries()) {
      if (item === null || item === undefined) break; // ipairs stops at the first nil
      const condition = Fields.of(item, `status.conditions[${i}]`);
      const type = condition.raw('type');
      const reason = condition.raw('reason');
      if (
        type === 'InvalidSpec' ||
        (type === 'Progressing' &&
          (reason === 'RolloutAborted' ||
            reason === 'ProgressDeadlineExceeded'))
      ) {
        return luaResult('Degraded', condition.raw('message'));
      }
    }

    const pauseConditions = status.optionalList('pauseConditions');
    if (
      (pauseConditions !== undefined && pauseConditions.length > 0) ||
      luaTruthy(spec.raw('paused'))
    ) {
      return verdict('Suspended', 'Rollout is paused');
    }

    const currentPodHash = status.raw('currentPodHash');
    if (currentPodHash === undefined) {
      return verdict(
        'Progressing',
        'Waiting for rollout to finish: status has not been reconciled.',
      );
    }

    const desired = count(spec, 'replicas', 1);
    const replicas = count(status, 'replicas', 0);
    const updated = count(status, 'updatedReplicas', 0);
    const available = count(status, 'availableReplicas', 0);
    if (updated < desired) {
      return verdict(
        'Progressing',
        'Waiting for roll out to finish: More replicas need to be updated',
      );
    }
    if (available < updated) {
      return verdict(
        'Progressing',
        'Waiting for roll out to finish: updated replicas are still becoming available',
      );
    }

    // getStableRS: status.stableRS since v0.8, status.canary.stableRS before (possibly nil).
    let stableRS: unknown = '';
    if (status.has('stableRS')) {
      stableRS = status.raw('stableRS');
    } else if (status.has('canary')) {
      stableRS = status.object('canary').raw('stableRS');
    }

    const strategy = indexed(spec, 'strategy');
    if (strategy.has('blueGreen')) {
      const blueGreen = status.optionalObject('blueGreen');
      if (!blueGreen || blueGreen.raw('activeSelector') !== currentPodHash) {
        return verdict('Progressing', 'active service cutover pending');
      }
      if (stableRS !== '' && stableRS !== currentPodHash) {
        return verdict('Progressing', 'waiting for analysis to complete');
      }
    } else if (strategy.has('canary')) {
      if (replicas > updated) {
        return verdict(
          'Progressing',
          'Waiting for roll out to finish: old replicas are pending termination',
        );
      }
      if (stableRS === '' || stableRS !== currentPodHash) {
        return verdict('Progressing', 'Waiting for rollout to finish steps');
      }
    }
    return verdict('Healthy');
  });
}
