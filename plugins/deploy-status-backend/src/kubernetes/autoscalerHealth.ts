import { V2HorizontalPodAutoscaler } from '@kubernetes/client-node';
import { AutoscalerStatus } from '@internal/plugin-deploy-status-common';

/**
 * An HPA's health after Argo CD's HPA check: an autoscaler that cannot scale (AbleToScale False)
 * or cannot read its metrics (ScalingActive False) is Degraded; one without conditions yet is
 * Progressing ("Waiting to Autoscale"); otherwise Healthy. Running at its maximum is reported in
 * the message, not as a fault: it is what the autoscaler is for.
 */
export function autoscalerStatus(
  hpa: V2HorizontalPodAutoscaler,
): AutoscalerStatus {
  const conditions = hpa.status?.conditions ?? [];
  const failing = conditions.find(
    c =>
      (c.type === 'AbleToScale' || c.type === 'ScalingActive') &&
      c.status === 'False',
  );
  const limited = conditions.find(
    c => c.type === 'ScalingLimited' && c.status === 'True',
  );
  const base = {
    name: hpa.metadata?.name ?? '',
    namespace: hpa.metadata?.namespace ?? '',
    currentReplicas: hpa.status?.currentReplicas ?? 0,
    desiredReplicas: hpa.status?.desiredReplicas ?? 0,
    minReplicas: hpa.spec?.minReplicas,
    maxReplicas: hpa.spec?.maxReplicas ?? 0,
  };
  if (failing) {
    return {
      ...base,
      health: 'Degraded',
      message: `${failing.type} is False (${failing.reason}): ${failing.message}`,
    };
  }
  if (conditions.length === 0) {
    return { ...base, health: 'Progressing', message: 'Waiting to Autoscale' };
  }
  return {
    ...base,
    health: 'Healthy',
    message: limited ? `${limited.reason}: ${limited.message}` : undefined,
  };
}
