import { ApiObject, CREATED, LATER, objectMeta, variant } from './apiObject';

/*
 * HorizontalPodAutoscalers as the API server answers them, in every version Argo CD assesses:
 * autoscaling/v2 (and v2beta2, v2beta1) list conditions in `status.conditions`; autoscaling/v1
 * keeps them, as JSON, in the `autoscaling.alpha.kubernetes.io/conditions` annotation.
 */

type Condition = {
  type: 'AbleToScale' | 'ScalingActive' | 'ScalingLimited';
  status: 'True' | 'False';
  reason: string;
  message: string;
};

const c = (
  type: Condition['type'],
  status: Condition['status'],
  reason: string,
  message: string,
): Condition => ({ type, status, reason, message });

/** The conditions, as the API server writes them (with their transition time). */
const timed = (conditions: Condition[]) =>
  conditions.map(condition => ({ lastTransitionTime: LATER, ...condition }));

export const hpaConditions = {
  ableToScale: c(
    'AbleToScale',
    'True',
    'ReadyForNewScale',
    'recommended size matches current size',
  ),
  succeededGetScale: c(
    'AbleToScale',
    'True',
    'SucceededGetScale',
    "the HPA controller was able to get the target's current scale",
  ),
  failedGetScale: c(
    'AbleToScale',
    'False',
    'FailedGetScale',
    'the HPA controller was unable to get the target\'s current scale: deployments/scale.apps "checkout-api" not found',
  ),
  failedUpdateScale: c(
    'AbleToScale',
    'False',
    'FailedUpdateScale',
    'the HPA controller was unable to update the target scale: Operation cannot be fulfilled on deployments.apps "checkout-api": the object has been modified',
  ),
  backoffBoth: c(
    'AbleToScale',
    'False',
    'BackoffBoth',
    'the time since the previous scale is still within both the downscale and upscale forbidden windows',
  ),
  validMetricFound: c(
    'ScalingActive',
    'True',
    'ValidMetricFound',
    'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)',
  ),
  failedGetResourceMetric: c(
    'ScalingActive',
    'False',
    'FailedGetResourceMetric',
    'the HPA was unable to compute the replica count: failed to get cpu utilization: unable to get metrics for resource cpu: no metrics returned from resource metrics API',
  ),
  invalidSelector: c(
    'ScalingActive',
    'False',
    'InvalidSelector',
    "the HPA target's scale is missing a selector",
  ),
  withinRange: c(
    'ScalingLimited',
    'False',
    'DesiredWithinRange',
    'the desired count is within the acceptable range',
  ),
  tooManyReplicas: c(
    'ScalingLimited',
    'True',
    'TooManyReplicas',
    'the desired replica count is more than the maximum replica count',
  ),
};
const k = hpaConditions;

const scaleTargetRef = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  name: 'checkout-api',
};

const v2Healthy: ApiObject = {
  apiVersion: 'autoscaling/v2',
  kind: 'HorizontalPodAutoscaler',
  metadata: objectMeta('checkout-api'),
  spec: {
    maxReplicas: 10,
    metrics: [
      {
        resource: {
          name: 'cpu',
          target: { averageUtilization: 70, type: 'Utilization' },
        },
        type: 'Resource',
      },
    ],
    minReplicas: 2,
    scaleTargetRef,
  },
  status: {
    conditions: timed([k.ableToScale, k.validMetricFound, k.withinRange]),
    currentMetrics: [
      {
        resource: {
          current: { averageUtilization: 35, averageValue: '35m' },
          name: 'cpu',
        },
        type: 'Resource',
      },
    ],
    currentReplicas: 2,
    desiredReplicas: 2,
    lastScaleTime: CREATED,
  },
};

const withConditions = (base: ApiObject, conditions: Condition[]) =>
  variant(base, h => {
    h.status.conditions = timed(conditions);
  });

export const hpasV2 = {
  healthy: v2Healthy,
  justCreated: variant(v2Healthy, h => {
    h.status = { currentReplicas: 0, desiredReplicas: 0 };
  }),
  failedGetScale: variant(v2Healthy, h => {
    h.status = {
      conditions: timed([k.failedGetScale]),
      currentReplicas: 0,
      desiredReplicas: 0,
    };
  }),
  backoffWhileMetricsFail: withConditions(v2Healthy, [
    k.backoffBoth,
    k.failedGetResourceMetric,
  ]),
  ableToScaleWhileMetricsFail: withConditions(v2Healthy, [
    k.succeededGetScale,
    k.failedGetResourceMetric,
  ]),
  backoffWithinRange: withConditions(v2Healthy, [
    k.backoffBoth,
    k.validMetricFound,
    k.withinRange,
  ]),
  backoffAtMaximum: withConditions(v2Healthy, [
    k.backoffBoth,
    k.validMetricFound,
    k.tooManyReplicas,
  ]),
} satisfies Record<string, ApiObject>;

const v2beta2Healthy: ApiObject = {
  ...structuredClone(v2Healthy),
  apiVersion: 'autoscaling/v2beta2',
  metadata: objectMeta('checkout-api-v2beta2'),
};

export const hpasV2beta2 = {
  healthy: v2beta2Healthy,
  invalidSelector: withConditions(v2beta2Healthy, [
    k.backoffBoth,
    k.invalidSelector,
  ]),
} satisfies Record<string, ApiObject>;

export const hpasV2beta1 = {
  healthy: {
    apiVersion: 'autoscaling/v2beta1',
    kind: 'HorizontalPodAutoscaler',
    metadata: objectMeta('checkout-api-v2beta1'),
    spec: {
      maxReplicas: 10,
      metrics: [
        {
          resource: { name: 'cpu', targetAverageUtilization: 70 },
          type: 'Resource',
        },
      ],
      minReplicas: 2,
      scaleTargetRef,
    },
    status: {
      conditions: timed([k.ableToScale, k.validMetricFound, k.withinRange]),
      currentMetrics: [
        {
          resource: {
            currentAverageUtilization: 35,
            currentAverageValue: '35m',
            name: 'cpu',
          },
          type: 'Resource',
        },
      ],
      currentReplicas: 2,
      desiredReplicas: 2,
    },
  },
} satisfies Record<string, ApiObject>;

const CONDITIONS = 'autoscaling.alpha.kubernetes.io/conditions';

/** An autoscaling/v1 HPA; `conditions` is the annotation's value (absent when undefined). */
function v1(name: string, conditions: string | undefined): ApiObject {
  return {
    apiVersion: 'autoscaling/v1',
    kind: 'HorizontalPodAutoscaler',
    metadata: objectMeta(name, {
      ...(conditions !== undefined && {
        annotations: {
          [CONDITIONS]: conditions,
          'autoscaling.alpha.kubernetes.io/current-metrics':
            '[{"type":"Resource","resource":{"name":"cpu","currentAverageUtilization":35,"currentAverageValue":"35m"}}]',
        },
      }),
    }),
    spec: {
      maxReplicas: 10,
      minReplicas: 2,
      scaleTargetRef,
      targetCPUUtilizationPercentage: 70,
    },
    status: {
      currentCPUUtilizationPercentage: 35,
      currentReplicas: 2,
      desiredReplicas: 2,
      lastScaleTime: CREATED,
    },
  };
}

/** The annotation as the API server writes it: Go's JSON of the v2 conditions. */
const annotation = (conditions: Condition[]) =>
  JSON.stringify(
    conditions.map(({ type, status, reason, message }) => ({
      type,
      status,
      lastTransitionTime: LATER,
      reason,
      message,
    })),
  );

export const hpasV1 = {
  healthy: v1(
    'checkout-api-v1',
    annotation([k.ableToScale, k.validMetricFound, k.withinRange]),
  ),
  failedUpdateScale: v1(
    'checkout-api-v1-update-failed',
    annotation([k.failedUpdateScale, k.validMetricFound]),
  ),
  backoffWithinRange: v1(
    'checkout-api-v1-backoff',
    annotation([k.backoffBoth, k.validMetricFound, k.withinRange]),
  ),
  withoutAnnotation: v1('checkout-api-v1-new', undefined),
  emptyConditions: v1('checkout-api-v1-empty', '[]'),
  malformedAnnotation: v1(
    'checkout-api-v1-malformed',
    '[{"type":"AbleToScale","status":"True"',
  ),
} satisfies Record<string, ApiObject>;
