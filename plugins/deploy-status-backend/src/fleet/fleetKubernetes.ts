import { ClusterDetails } from '@backstage/plugin-kubernetes-node';
import { ANNOTATION_KUBERNETES_ID } from '@internal/catalog-model-platform';
import {
  ClusterStatus,
  SourceResult,
} from '@internal/plugin-deploy-status-common';
import {
  KubernetesObject,
  singleEqualityTerm,
  UpstreamError,
  upstreamMessage,
  UpstreamService,
} from '@internal/upstream-node';
import pLimit from 'p-limit';
import { environmentClusters } from '../kubernetes/environmentClusters';
import {
  cachedClusterWorkloads,
  clusterWorkloadsOf,
  KINDS_READ,
  notServed,
} from '../kubernetes/readClusterWorkloads';
import { settle } from '../service/settle';
import { FleetPair } from './FleetPair';
import { FleetRequestCounter } from './FleetRequestCounter';

type KubernetesResult = SourceResult<{ clusters: ClusterStatus[] }>;

/** Objects per page of a cluster-wide list: kubectl's chunk size, each page well within the cap. */
const PAGE_SIZE = 500;
/** Lists one cluster is asked for at once: every kind at once is a burst a busy API server feels. */
const LISTS_PER_CLUSTER = 4;
const ALONE_CONCURRENCY = 8;

/** One cluster's objects carrying the id label, by its value, every kind in `KINDS_READ` order. */
type ClusterObjects =
  | { state: 'ok'; byId: Map<string, KubernetesObject[]>; notes: string[] }
  | { state: 'error'; message: string };

/**
 * Lists every object of every kind read that carries `backstage.io/kubernetes-id`, one paged list
 * per cluster × kind, and indexes them by the label's value. A kind the cluster does not serve is
 * a note, as in the per-entity read; any other failure fails the cluster for all its services.
 */
async function listCluster(
  upstream: UpstreamService,
  counter: FleetRequestCounter,
  cluster: ClusterDetails,
): Promise<ClusterObjects> {
  const limit = pLimit(LISTS_PER_CLUSTER);
  const lists = await Promise.all(
    KINDS_READ.map(kind =>
      limit(() =>
        upstream.kubernetes.listAll(cluster, kind, ANNOTATION_KUBERNETES_ID, {
          pageSize: PAGE_SIZE,
          onRequest: () => {
            counter.kubernetes += 1;
          },
        }),
      ).then(
        items => ({ kind, items, error: undefined }),
        (error: unknown) => ({ kind, items: [], error }),
      ),
    ),
  );
  const notes: string[] = [];
  const byId = new Map<string, KubernetesObject[]>();
  for (const { kind, items, error } of lists) {
    if (error instanceof UpstreamError && error.failure === 'not-found') {
      notes.push(notServed(kind, cluster));
    } else if (error) {
      return { state: 'error', message: upstreamMessage(error) };
    }
    for (const item of items) {
      const id = item.metadata?.labels?.[ANNOTATION_KUBERNETES_ID];
      if (id === undefined) continue;
      const objects = byId.get(id);
      if (objects) {
        objects.push(item);
      } else {
        byId.set(id, [item]);
      }
    }
  }
  return { state: 'ok', byId, notes };
}

/**
 * Every service's workloads on each cluster of each of its environments, from one paged list per
 * cluster × kind of the objects labelled `backstage.io/kubernetes-id`, handed to each service by
 * the label's value: what `backstage.io/kubernetes-id=<id>` selects, as the per-entity read
 * selects it, with the same code from objects to workloads (`clusterWorkloadsOf`). A service whose
 * `backstage.io/kubernetes-label-selector` is anything else is asked alone, through the per-entity
 * read and its cache.
 */
export async function readFleetKubernetes(options: {
  upstream: UpstreamService;
  counter: FleetRequestCounter;
  ttlSeconds: number;
  pairs: FleetPair[];
}): Promise<KubernetesResult[]> {
  const { upstream, counter, ttlSeconds, pairs } = options;
  const clusters = new Map<string, Promise<ClusterObjects>>();
  const alone = pLimit(ALONE_CONCURRENCY);
  const listed = (cluster: ClusterDetails) => {
    let objects = clusters.get(cluster.name);
    if (!objects) {
      objects = listCluster(upstream, counter, cluster);
      clusters.set(cluster.name, objects);
    }
    return objects;
  };

  return Promise.all(
    pairs.map(
      async ({ kubernetes: selection, env }): Promise<KubernetesResult> => {
        if (selection.state !== 'ok') {
          return selection;
        }
        const found = environmentClusters(env, upstream.clusters);
        if (found.state !== 'ok') {
          return found;
        }
        const term = singleEqualityTerm(selection.value);
        const id =
          term?.key === ANNOTATION_KUBERNETES_ID ? term.value : undefined;
        const statuses = await Promise.all(
          found.value.map(async (each): Promise<ClusterStatus> => {
            if ('notConfigured' in each) {
              return {
                cluster: each.name,
                state: 'not-configured',
                message: each.notConfigured,
              };
            }
            if (id === undefined) {
              const result = await alone(() =>
                settle(() =>
                  cachedClusterWorkloads(
                    upstream,
                    ttlSeconds,
                    each.cluster,
                    selection.value,
                    () => {
                      counter.alone += 1;
                    },
                  ),
                ),
              );
              return { cluster: each.name, ...result };
            }
            const objects = await listed(each.cluster);
            if (objects.state !== 'ok') {
              return {
                cluster: each.name,
                state: 'error',
                message: objects.message,
              };
            }
            return {
              cluster: each.name,
              state: 'ok',
              data: clusterWorkloadsOf(objects.byId.get(id) ?? [], [
                ...objects.notes,
              ]),
            };
          }),
        );
        return { state: 'ok', data: { clusters: statuses } };
      },
    ),
  );
}
