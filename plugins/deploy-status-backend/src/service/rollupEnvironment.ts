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
 * - every object of the service on the environment's clusters that nothing else controls counts
 *   by Argo CD's own rule for its kind (`kubernetes/health`); kinds Argo CD does not assess count
 *   as present; pods that are not serving (crash loops, image pulls, OOM kills) are reasons
 *   beside the verdict, never a verdict of their own, as in Argo CD;
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
  // `explains`: a verdict's own reason (0) comes before what pods add (1) and sync state (2).
  const reasons: Array<{ health: Health; text: string; explains?: 1 | 2 }> = [];
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
          explains: 2,
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
      const { resources, podsNotReady } = cluster.data;
      for (const resource of resources) {
        found += 1;
        if (!resource.health) {
          continue; // a kind Argo CD does not assess: present, not a verdict
        }
        healths.push(resource.health);
        if (resource.health !== 'Healthy') {
          reasons.push({
            health: resource.health,
            text: `${resource.kind} ${resource.name} on ${cluster.cluster} is ${
              resource.health
            }${resource.message ? `: ${resource.message}` : ''}`,
          });
        }
      }
      // What pods say explains a verdict; it never makes one (Argo CD rates the controller).
      for (const pod of podsNotReady) {
        reasons.push({
          explains: 1,
          health: podProblemHealth(pod),
          text: `Pod ${pod.name} on ${cluster.cluster}: ${pod.reason}${
            pod.restarts ? ` (${pod.restarts} restarts)` : ''
          }`,
        });
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
  if (healths.length > 0) {
    health = worstHealth(healths);
  } else if (found > 0) {
    // Only kinds Argo CD does not assess: they are there, and nothing says otherwise.
    health = 'Healthy';
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
    // The verdicts' reasons first, worst first: the first reason explains the health.
    healthReasons: reasons
      .sort(
        (a, b) =>
          (a.explains ?? 0) - (b.explains ?? 0) ||
          order(a.health) - order(b.health),
      )
      .map(r => r.text),
    unknownSources: [...unknown],
  };
}
