import { Release } from '../world/buildWorld';
import { nodeName } from '../world/workloads';
import {
  container,
  controllerRef,
  iso,
  metadata,
  Obj,
  shortHash,
} from './objectMeta';

/** What a pod's container is doing. */
export type PodState = 'running' | 'crash-loop' | 'image-pull' | 'succeeded';

export interface PodOptions {
  name: string;
  /** `<owner>-` for pods named by their controller with a random suffix. */
  generateName?: string;
  labels: Record<string, string>;
  annotations?: Record<string, string>;
  owner: { apiVersion: string; kind: string; name: string };
  image: string;
  createdMs: number;
  /** When the container started; half a minute after creation unless set. */
  startedMs?: number;
  /** When a succeeded pod's container finished. */
  finishedMs?: number;
  state: PodState;
  /** Position among its siblings: decides the node (unless `node` says), the IP and restarts. */
  index: number;
  node?: string;
  /** The container, when not the service's HTTP server. */
  container?: Obj;
  /** More of the pod's spec: volumes, affinity, hostname… */
  spec?: Obj;
}

/** The phase of a pod in each state: a crash loop keeps it Running, a pull keeps it Pending. */
const PHASES: Record<PodState, string> = {
  running: 'Running',
  'crash-loop': 'Running',
  'image-pull': 'Pending',
  succeeded: 'Succeeded',
};

const nodeIndex = (node: string) => Number(node.split('-node-')[1] ?? 1);

/** The IP of a sandbox node: 10.0.0.11 for node 1, and so on. */
export function nodeIP(node: string): string {
  return `10.0.0.${10 + nodeIndex(node)}`;
}

function containerState(
  release: Release,
  options: PodOptions,
  started: number,
): Obj {
  switch (options.state) {
    case 'running':
      return { running: { startedAt: iso(started) } };
    case 'succeeded':
      return {
        terminated: {
          exitCode: 0,
          reason: 'Completed',
          startedAt: iso(started),
          finishedAt: iso(options.finishedMs ?? started + 60_000),
        },
      };
    case 'crash-loop':
      return {
        waiting: {
          reason: 'CrashLoopBackOff',
          message: `back-off 5m0s restarting failed container=${release.service.name} pod=${options.name}`,
        },
      };
    default:
      return {
        waiting: {
          reason: 'ImagePullBackOff',
          message: `Back-off pulling image "${options.image}"`,
        },
      };
  }
}

/** A pod as kubelet reports it, in one of the states the sandbox knows. */
export function pod(
  release: Release,
  cluster: string,
  options: PodOptions,
  nowMs: number,
): Obj {
  const { state, index, image } = options;
  const started = options.startedMs ?? options.createdMs + 30_000;
  const finished = options.finishedMs ?? started + 60_000;
  const running = state === 'running';
  const succeeded = state === 'succeeded';
  const restarts = state === 'crash-loop' ? 40 + index * 3 : 0;
  const node = options.node ?? nodeName(cluster, index);
  const spec = options.spec ?? {};
  const containerSpec = options.container ?? container(release, image);
  // A pod that ran to completion is no longer ready, for that reason.
  const notReady = succeeded
    ? { reason: 'PodCompleted' }
    : {
        reason: 'ContainersNotReady',
        message: `containers with unready status: [${containerSpec.name}]`,
      };
  return {
    metadata: metadata(release, cluster, options.name, options.createdMs, {
      ...(options.generateName ? { generateName: options.generateName } : {}),
      labels: options.labels,
      ...(options.annotations ? { annotations: options.annotations } : {}),
      ownerReferences: [
        controllerRef(
          release,
          cluster,
          options.owner.apiVersion,
          options.owner.kind,
          options.owner.name,
        ),
      ],
    }),
    spec: {
      ...spec,
      containers: [containerSpec],
      restartPolicy: spec.restartPolicy ?? 'Always',
      nodeName: node,
      serviceAccountName: spec.serviceAccountName ?? 'default',
    },
    status: {
      phase: PHASES[state],
      conditions: [
        {
          type: 'Initialized',
          status: 'True',
          lastTransitionTime: iso(started),
          ...(succeeded ? { reason: 'PodCompleted' } : {}),
        },
        {
          type: 'Ready',
          status: running ? 'True' : 'False',
          lastTransitionTime: iso(succeeded ? finished : started),
          ...(running ? {} : notReady),
        },
        {
          type: 'ContainersReady',
          status: running ? 'True' : 'False',
          lastTransitionTime: iso(succeeded ? finished : started),
          ...(running ? {} : notReady),
        },
        {
          type: 'PodScheduled',
          status: 'True',
          lastTransitionTime: iso(options.createdMs),
        },
      ],
      containerStatuses: [
        {
          name: containerSpec.name,
          image,
          imageID:
            running || succeeded
              ? `${image}@sha256:${shortHash(40, image)}${shortHash(
                  24,
                  image,
                  'digest',
                )}`
              : '',
          ready: running,
          started: running,
          restartCount: restarts,
          state: containerState(release, options, started),
          ...(state === 'crash-loop'
            ? {
                lastState: {
                  terminated: {
                    exitCode: 1,
                    reason: 'Error',
                    startedAt: iso(nowMs - 120_000),
                    finishedAt: iso(nowMs - 90_000),
                  },
                },
              }
            : {}),
        },
      ],
      hostIP: nodeIP(node),
      podIP: `10.4.${index}.${parseInt(shortHash(2, options.name), 16)}`,
      startTime: iso(started),
      qosClass: 'Burstable',
    },
  };
}
