import type { V1DaemonSet } from '@kubernetes/client-node';
import { Fields } from './objectFields';
import { assessed, HealthVerdict, quoted, verdict } from './verdict';

/**
 * A DaemonSet's health by Argo CD (gitops-engine `health_daemonset.go`): Progressing until the
 * controller has observed the current generation; with the OnDelete strategy then Healthy;
 * otherwise Progressing until every node that should run the pod runs an updated, available one.
 */
export function daemonSetHealth(daemonSet: V1DaemonSet): HealthVerdict {
  return assessed('failed to convert unstructured DaemonSet to typed', () => {
    const object = Fields.of(daemonSet);
    const metadata = object.object('metadata');
    const spec = object.object('spec');
    const status = object.object('status');

    if (metadata.integer('generation') > status.integer('observedGeneration')) {
      return verdict(
        'Progressing',
        'Waiting for rollout to finish: observed daemon set generation less than desired generation',
      );
    }
    const updated = status.integer('updatedNumberScheduled');
    const desired = status.integer('desiredNumberScheduled');
    if (spec.object('updateStrategy').string('type') === 'OnDelete') {
      return verdict(
        'Healthy',
        `daemon set ${updated} out of ${desired} new pods have been updated`,
      );
    }
    const name = quoted(metadata.string('name'));
    if (updated < desired) {
      return verdict(
        'Progressing',
        `Waiting for daemon set ${name} rollout to finish: ${updated} out of ${desired} new pods have been updated...`,
      );
    }
    const available = status.integer('numberAvailable');
    if (available < desired) {
      return verdict(
        'Progressing',
        `Waiting for daemon set ${name} rollout to finish: ${available} of ${desired} updated pods are available...`,
      );
    }
    return verdict('Healthy');
  });
}
