import type {
  V1HorizontalPodAutoscaler,
  V2HorizontalPodAutoscaler,
} from '@kubernetes/client-node';
import { Fields, isJsonObject } from './objectFields';
import { assessed, HealthCheckError, HealthVerdict, verdict } from './verdict';

/** The autoscaling/v1 HPA keeps its conditions as JSON in this annotation. */
export const HPA_V1_CONDITIONS_ANNOTATION =
  'autoscaling.alpha.kubernetes.io/conditions';

const WAITING: HealthVerdict = {
  health: 'Progressing',
  message: 'Waiting to Autoscale',
};

interface HpaCondition {
  type: string;
  reason: string;
  message: string;
  status: string;
}

/** Type and reason of the conditions that make an HPA Degraded (gitops-engine `isDegraded`). */
const DEGRADED: ReadonlyArray<Pick<HpaCondition, 'type' | 'reason'>> = [
  { type: 'AbleToScale', reason: 'FailedGetScale' },
  { type: 'AbleToScale', reason: 'FailedUpdateScale' },
  { type: 'ScalingActive', reason: 'FailedGetResourceMetric' },
  { type: 'ScalingActive', reason: 'InvalidSelector' },
];

/** Types of the conditions that make an HPA Healthy when True (gitops-engine `isHealthy`). */
const HEALTHY_TYPES = ['AbleToScale', 'ScalingLimited'];

/**
 * gitops-engine `checkConditions`: the first condition, in the order the HPA lists them, that is
 * a degraded one (type and reason above) or a healthy one (AbleToScale or ScalingLimited True)
 * decides, with its message; when none does, "Waiting to Autoscale".
 */
function checkConditions(conditions: HpaCondition[]): HealthVerdict {
  for (const condition of conditions) {
    if (
      DEGRADED.some(
        d => d.type === condition.type && d.reason === condition.reason,
      )
    ) {
      return verdict('Degraded', condition.message);
    }
    if (HEALTHY_TYPES.includes(condition.type) && condition.status === 'True') {
      return verdict('Healthy', condition.message);
    }
  }
  return WAITING;
}

/**
 * One condition of the v1 annotation as Go's `encoding/json` decodes it into gitops-engine's
 * `hpaCondition`: an object whose keys match the field names case-insensitively, string values.
 */
function annotationCondition(item: unknown, index: number): HpaCondition {
  const condition: HpaCondition = {
    type: '',
    reason: '',
    message: '',
    status: '',
  };
  if (item === null) return condition;
  if (!isJsonObject(item)) {
    throw new Error(
      `item ${index} is ${
        Array.isArray(item) ? 'a list' : `a ${typeof item}`
      }, not an object`,
    );
  }
  for (const [key, value] of Object.entries(item)) {
    const field = key.toLowerCase();
    if (!(field in condition) || value === null) continue;
    if (typeof value !== 'string') {
      throw new Error(`item ${index}: ${key} is not a string`);
    }
    condition[field as keyof HpaCondition] = value;
  }
  return condition;
}

function annotationConditions(annotation: string): HpaCondition[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(annotation);
  } catch (error) {
    throw new HealthCheckError(
      `failed to convert conditions annotation to typed: ${
        (error as Error).message
      }`,
    );
  }
  if (parsed === null) return [];
  if (!Array.isArray(parsed)) {
    throw new HealthCheckError(
      'failed to convert conditions annotation to typed: not a JSON list',
    );
  }
  try {
    return parsed.map(annotationCondition);
  } catch (error) {
    throw new HealthCheckError(
      `failed to convert conditions annotation to typed: ${
        (error as Error).message
      }`,
    );
  }
}

/**
 * A HorizontalPodAutoscaler's health by Argo CD (gitops-engine `health_hpa.go`), in every version
 * of `autoscaling`: v2, v2beta2 and v2beta1 list their conditions in `status.conditions`,
 * v1 in the annotation `autoscaling.alpha.kubernetes.io/conditions` (JSON). The first condition
 * that is degraded (AbleToScale FailedGetScale or FailedUpdateScale, ScalingActive
 * FailedGetResourceMetric or InvalidSelector) or healthy (AbleToScale or ScalingLimited True)
 * decides; without one the HPA is Progressing, "Waiting to Autoscale". The version is read from
 * `apiVersion`; an annotation that is not valid JSON is Unknown, as in Argo CD.
 */
export function horizontalPodAutoscalerHealth(
  hpa: V1HorizontalPodAutoscaler | V2HorizontalPodAutoscaler,
): HealthVerdict {
  return assessed('failed to convert unstructured HPA to typed', () => {
    const object = Fields.of(hpa);
    const apiVersion = object.string('apiVersion');
    const [group, version] = apiVersion.includes('/')
      ? apiVersion.split('/', 2)
      : ['', apiVersion];
    if (group !== 'autoscaling') {
      return unsupported(group, version);
    }
    switch (version) {
      case 'v1': {
        const annotations = object.object('metadata').stringMap('annotations');
        const annotation = annotations[HPA_V1_CONDITIONS_ANNOTATION];
        if (annotation === undefined) return WAITING;
        const conditions = annotationConditions(annotation);
        return conditions.length === 0 ? WAITING : checkConditions(conditions);
      }
      case 'v2beta1':
      case 'v2beta2':
      case 'v2':
        return checkConditions(
          object
            .object('status')
            .objects('conditions')
            .map(condition => ({
              type: condition.string('type'),
              reason: condition.string('reason'),
              message: condition.string('message'),
              status: condition.string('status'),
            })),
        );
      default:
        return unsupported(group, version);
    }
  });
}

function unsupported(group: string, version: string): HealthVerdict {
  return verdict(
    'Unknown',
    `unsupported HPA GVK: ${group}/${version}, Kind=HorizontalPodAutoscaler`,
  );
}
