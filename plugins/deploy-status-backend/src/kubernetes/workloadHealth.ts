import { V1Deployment, V1StatefulSet } from '@kubernetes/client-node';
import { Health, WorkloadStatus } from '@internal/plugin-deploy-status-common';

type Verdict = { health: Health; message?: string };

/**
 * A Deployment's health by Argo CD's rules (gitops-engine `getDeploymentHealth`), so the matrix
 * and Argo CD never disagree about the same object.
 */
export function deploymentHealth(deployment: V1Deployment): Verdict {
  const name = deployment.metadata?.name;
  const spec = deployment.spec;
  const status = deployment.status ?? {};
  if (spec?.paused) {
    return { health: 'Suspended', message: 'Deployment is paused' };
  }
  const generation = deployment.metadata?.generation ?? 0;
  if (generation > (status.observedGeneration ?? 0)) {
    return {
      health: 'Progressing',
      message:
        'Waiting for rollout to finish: observed deployment generation less than desired generation',
    };
  }
  const progressing = status.conditions?.find(c => c.type === 'Progressing');
  const updated = status.updatedReplicas ?? 0;
  if (progressing?.reason === 'ProgressDeadlineExceeded') {
    return {
      health: 'Degraded',
      message: `Deployment "${name}" exceeded its progress deadline`,
    };
  }
  if (spec?.replicas !== undefined && updated < spec.replicas) {
    return {
      health: 'Progressing',
      message: `Waiting for rollout to finish: ${updated} out of ${spec.replicas} new replicas have been updated...`,
    };
  }
  if ((status.replicas ?? 0) > updated) {
    return {
      health: 'Progressing',
      message: `Waiting for rollout to finish: ${
        (status.replicas ?? 0) - updated
      } old replicas are pending termination...`,
    };
  }
  if ((status.availableReplicas ?? 0) < updated) {
    return {
      health: 'Progressing',
      message: `Waiting for rollout to finish: ${
        status.availableReplicas ?? 0
      } of ${updated} updated replicas are available...`,
    };
  }
  return { health: 'Healthy' };
}

/** A StatefulSet's health by Argo CD's rules (gitops-engine `getStatefulSetHealth`). */
export function statefulSetHealth(set: V1StatefulSet): Verdict {
  const status = set.status;
  const observed = status?.observedGeneration ?? 0;
  if (observed === 0 || (set.metadata?.generation ?? 0) > observed) {
    return {
      health: 'Progressing',
      message: 'Waiting for statefulset spec update to be observed...',
    };
  }
  const desired = set.spec?.replicas;
  const ready = status?.readyReplicas ?? 0;
  if (desired !== undefined && ready < desired) {
    return {
      health: 'Progressing',
      message: `Waiting for ${desired - ready} pods to be ready...`,
    };
  }
  if (
    set.spec?.updateStrategy?.type !== 'OnDelete' &&
    status?.updateRevision &&
    status.currentRevision !== status.updateRevision
  ) {
    return {
      health: 'Progressing',
      message: 'waiting for statefulset rolling update to complete',
    };
  }
  return { health: 'Healthy' };
}

export function deploymentStatus(deployment: V1Deployment): WorkloadStatus {
  const status = deployment.status;
  return {
    kind: 'Deployment',
    name: deployment.metadata?.name ?? '',
    namespace: deployment.metadata?.namespace ?? '',
    desired: deployment.spec?.replicas ?? 1,
    ready: status?.readyReplicas ?? 0,
    available: status?.availableReplicas ?? 0,
    updated: status?.updatedReplicas ?? 0,
    ...deploymentHealth(deployment),
  };
}

export function statefulSetStatus(set: V1StatefulSet): WorkloadStatus {
  const status = set.status;
  return {
    kind: 'StatefulSet',
    name: set.metadata?.name ?? '',
    namespace: set.metadata?.namespace ?? '',
    desired: set.spec?.replicas ?? 1,
    ready: status?.readyReplicas ?? 0,
    available: status?.availableReplicas ?? 0,
    updated: status?.updatedReplicas ?? 0,
    ...statefulSetHealth(set),
  };
}
