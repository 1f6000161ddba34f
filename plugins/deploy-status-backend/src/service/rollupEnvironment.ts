import {
  ArgoCdApplicationStatus,
  ClusterStatus,
  Health,
  SourceName,
  SourceResult,
  worstHealth,
} from '@internal/plugin-deploy-status-common';
import { podProblemHealth } from '../kubernetes/podProblems';

export interface EnvironmentRollup {
  health: Health;
  healthReasons: string[];
  unknownSources: SourceName[];
}

/**
 * One health per environment, by the rules in the README ("Health rollup"):
 * - every Argo CD application's health counts as Argo CD reports it (its model already rolls the
 *   application's resources up); OutOfSync is a reason, not a health;
 * - every workload, not-ready pod and autoscaler on the environment's clusters counts: workloads
 *   by Argo CD's own Deployment/StatefulSet rules, crash-looping, image-pull-failing, OOM-killed,
 *   failed or evicted pods Degraded, pending and not-ready pods Progressing, autoscalers that
 *   cannot scale Degraded;
 * - the worst counts, in Argo CD's order (Healthy < Suspended < Progressing < Missing < Degraded
 *   < Unknown);
 * - a source that failed does not count but is listed in `unknownSources`; when none answered the
 *   health is Unknown; when they answered and found nothing, Missing.
 */
export function rollupEnvironment(
  argocd: SourceResult<{ applications: ArgoCdApplicationStatus[] }>,
  kubernetes: SourceResult<{ clusters: ClusterStatus[] }>,
): EnvironmentRollup {
  const healths: Health[] = [];
  const reasons: Array<{ health: Health; text: string }> = [];
  const unknown = new Set<SourceName>();
  let found = 0;

  if (argocd.state === 'ok') {
    for (const app of argocd.data.applications) {
      found += 1;
      healths.push(app.health);
      if (app.health !== 'Healthy') {
        reasons.push({
          health: app.health,
          text: `Argo CD ${app.name} is ${app.health}${
            app.healthMessage ? `: ${app.healthMessage}` : ''
          }`,
        });
      }
      if (app.syncStatus !== 'Synced') {
        reasons.push({
          health: 'Healthy',
          text: `Argo CD ${app.name} is ${app.syncStatus}`,
        });
      }
    }
  } else if (argocd.state === 'error') {
    unknown.add('argocd');
  }

  if (kubernetes.state === 'ok') {
    for (const cluster of kubernetes.data.clusters) {
      if (cluster.state === 'error') {
        unknown.add('kubernetes');
        continue;
      }
      if (cluster.state !== 'ok') {
        continue;
      }
      const { workloads, podsNotReady, autoscalers } = cluster.data;
      for (const workload of workloads) {
        found += 1;
        healths.push(workload.health);
        if (workload.health !== 'Healthy') {
          reasons.push({
            health: workload.health,
            text: `${workload.kind} ${workload.name} on ${cluster.cluster} is ${
              workload.health
            }${workload.message ? `: ${workload.message}` : ''}`,
          });
        }
      }
      for (const pod of podsNotReady) {
        const health = podProblemHealth(pod);
        healths.push(health);
        reasons.push({
          health,
          text: `Pod ${pod.name} on ${cluster.cluster}: ${pod.reason}${
            pod.restarts ? ` (${pod.restarts} restarts)` : ''
          }`,
        });
      }
      for (const hpa of autoscalers) {
        healths.push(hpa.health);
        if (hpa.health !== 'Healthy') {
          reasons.push({
            health: hpa.health,
            text: `HorizontalPodAutoscaler ${hpa.name} on ${cluster.cluster} is ${hpa.health}: ${hpa.message}`,
          });
        }
      }
    }
  } else if (kubernetes.state === 'error') {
    unknown.add('kubernetes');
  }

  const answered =
    argocd.state === 'ok' ||
    (kubernetes.state === 'ok' &&
      kubernetes.data.clusters.some(c => c.state === 'ok'));
  let health: Health;
  if (found > 0 || healths.length > 0) {
    health = worstHealth(healths);
  } else if (answered) {
    health = 'Missing';
    reasons.push({ health, text: 'Nothing of this service runs here' });
  } else {
    health = 'Unknown';
  }
  const order = (h: Health) =>
    [
      'Unknown',
      'Degraded',
      'Missing',
      'Progressing',
      'Suspended',
      'Healthy',
    ].indexOf(h);
  return {
    health,
    // The worst first: the first reason explains the health.
    healthReasons: reasons
      .sort((a, b) => order(a.health) - order(b.health))
      .map(r => r.text),
    unknownSources: [...unknown],
  };
}
