import type { V1PersistentVolumeClaim } from '@kubernetes/client-node';
import { Fields } from './objectFields';
import { assessed, HealthVerdict, verdict } from './verdict';

/**
 * A PersistentVolumeClaim's health by Argo CD (gitops-engine `health_pvc.go`; the documented rule
 * is "`status.phase` is `Bound`"): Bound is Healthy, Pending Progressing, Lost Degraded, any other
 * phase (or none) Unknown.
 */
export function persistentVolumeClaimHealth(
  claim: V1PersistentVolumeClaim,
): HealthVerdict {
  return assessed(
    'failed to convert unstructured PersistentVolumeClaim to typed',
    () => {
      const phase = Fields.of(claim).object('status').string('phase');
      switch (phase) {
        case 'Bound':
          return verdict('Healthy');
        case 'Pending':
          return verdict('Progressing');
        case 'Lost':
          return verdict('Degraded');
        default:
          return verdict('Unknown');
      }
    },
  );
}
