import { Delivery } from '../gitlab/gitlabApi';
import { Deploy, Release } from './buildWorld';
import { ExampleEnvironment } from './readExamples';
import { DEPLOYMENT } from './workloads';

/** How long the sandbox Argo CD takes to sync a ready revision, and the rollout to turn healthy. */
export const SYNC_MS = 4_000;
export const ROLLOUT_MS = 4_000;

/** When the revision of a delivery is synced to the delivery environment. */
export function syncedAt(delivery: Delivery): number {
  return delivery.readyAt + SYNC_MS;
}

/** Whether anything of a project runs yet: its newest revision is synced, or an earlier one was. */
export function isRunning(delivery: Delivery, nowMs: number): boolean {
  return delivery.earlier.length > 0 || nowMs >= syncedAt(delivery);
}

/**
 * A pushed project's release to the delivery environment's first cluster, named after the
 * Kubernetes id of its pushed Argo CD Application (the project's name when there is none), with
 * the overlay's replicas. Its history holds the newest push once synced and the earlier pushes
 * before it; until the newest is synced, what runs is the one before (or, for a first push, the
 * newest itself, which Argo CD shows as missing). Argo CD and Kubernetes both show it, so they
 * agree.
 */
export function deliveredRelease(
  delivery: Delivery,
  environment: ExampleEnvironment,
  nowMs: number,
): Release & { service: { kubernetesId: string } } {
  const name =
    delivery.manifests.kubernetesId ??
    delivery.manifests.namespace ??
    delivery.project.slug.split('/')[1];
  return {
    service: {
      ...delivery.project.service,
      name,
      kubernetesId: name,
      gitlabProject: delivery.project.slug,
    },
    environment: { ...environment, clusters: [environment.clusters[0]] },
    // The golden path's manifests: a Deployment, in a namespace named after the service.
    workload: DEPLOYMENT,
    namespace: name,
    history: historyOf(delivery, nowMs),
    image: `registry.example.com/${delivery.project.slug}:${delivery.sha.slice(
      0,
      8,
    )}`,
    replicas: delivery.manifests.replicas ?? 1,
  };
}

function historyOf(delivery: Delivery, nowMs: number): Deploy[] {
  const newest: Deploy = {
    id: (delivery.earlier[0]?.id ?? 0) + 1,
    revision: delivery.sha,
    deployedAt: syncedAt(delivery),
    author: delivery.author,
    message: delivery.message,
    committedAt: delivery.committedAt,
  };
  if (nowMs >= newest.deployedAt) return [newest, ...delivery.earlier];
  return delivery.earlier.length > 0 ? delivery.earlier : [newest];
}
