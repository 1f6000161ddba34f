import { Delivery } from '../gitlab/gitlabApi';
import { SandboxClock } from '../world/clock';
import { Release, SandboxWorld } from '../world/buildWorld';
import { deliveredRelease, isRunning } from '../world/deliveredRelease';
import { JsonAnswer, JsonHandler } from '../http/jsonServer';
import { parseLabelSelector } from './labelSelector';
import { RESOURCES } from './resources';
import { workloadObjects } from './workloadObjects';

/** kube-apiserver's error body. */
function status(code: number, reason: string, message: string): JsonAnswer {
  return {
    status: code,
    body: {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message,
      reason,
      code,
    },
  };
}

type Objects = ReturnType<typeof workloadObjects>;

/**
 * A release's objects in a cluster at one instant, built once. A real API server keeps its objects
 * and answers a list from memory; building every release's objects on every list made the
 * stand-in itself the bottleneck once a catalog had hundreds of services (a fixed clock, as in
 * tests and benchmarks, asks for the same instant over and over).
 */
function objectsKeeper() {
  const kept = new WeakMap<
    Release,
    { at: number; byCluster: Map<string, Objects> }
  >();
  return (release: Release, cluster: string, now: number): Objects => {
    let entry = kept.get(release);
    if (!entry || entry.at !== now) {
      entry = { at: now, byCluster: new Map() };
      kept.set(release, entry);
    }
    let objects = entry.byCluster.get(cluster);
    if (!objects) {
      objects = workloadObjects(release, cluster, now);
      entry.byCluster.set(cluster, objects);
    }
    return objects;
  };
}

// /clusters/<cluster>/api/v1[/namespaces/<ns>]/<plural>
// /clusters/<cluster>/apis/<group>/<version>[/namespaces/<ns>]/<plural>
const LIST_PATH =
  /^\/clusters\/([^/]+)\/(?:api\/(v1)|apis\/([^/]+\/[^/]+))(?:\/namespaces\/([^/]+))?\/([a-z]+)$/;

/**
 * The Kubernetes API of every cluster of the example environments, one path prefix per cluster
 * (`/clusters/<name>`), serving the lists the portal asks for. Objects come from each release of
 * the world running in the cluster's environment.
 */
export function kubernetesApi(options: {
  world: SandboxWorld;
  clock: SandboxClock;
  token: string;
  /** Pushes to created projects: once synced, their workloads run in the delivery environment. */
  deliveries?: () => Delivery[];
}): JsonHandler {
  const first = options.world.deliveryEnvironment;
  const releases = (): Release[] => [
    ...options.world.releases,
    ...(first && options.deliveries
      ? options
          .deliveries()
          .filter(d => isRunning(d, options.clock.now()))
          .map(d => deliveredRelease(d, first, options.clock.now()))
      : []),
  ];
  const clusters = new Set(
    options.world.releases.flatMap(r => r.environment.clusters),
  );
  const objectsOf = objectsKeeper();
  return ({ method, path, query, headers }) => {
    if (headers.authorization !== `Bearer ${options.token}`) {
      return status(401, 'Unauthorized', 'Unauthorized');
    }
    const match = path.match(LIST_PATH);
    if (!match || method !== 'GET') {
      return status(
        404,
        'NotFound',
        'the server could not find the requested resource',
      );
    }
    const [, cluster, core, groupVersion, namespace, plural] = match;
    const resource = RESOURCES[plural];
    if (
      !clusters.has(cluster) ||
      !resource ||
      resource.groupVersion !== (core ?? groupVersion)
    ) {
      return status(
        404,
        'NotFound',
        'the server could not find the requested resource',
      );
    }
    const selects = parseLabelSelector(query.get('labelSelector') ?? undefined);
    const items = releases()
      .filter(r => r.environment.clusters.includes(cluster))
      .flatMap(r => objectsOf(r, cluster, options.clock.now())[plural] ?? [])
      .filter(item => !namespace || item.metadata.namespace === namespace)
      .filter(item => selects(item.metadata.labels));
    return {
      status: 200,
      body: {
        kind: resource.listKind,
        apiVersion: resource.groupVersion,
        metadata: { resourceVersion: '1000' },
        items,
      },
    };
  };
}
