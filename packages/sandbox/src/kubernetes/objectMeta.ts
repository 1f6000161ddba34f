import { createHash } from 'node:crypto';
import { Deploy, Release } from '../world/buildWorld';

/* What every Kubernetes object builder of the sandbox shares: names, uids, times and labels. */

export type Obj = Record<string, any>;

export const iso = (ms: number) =>
  new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

export function uid(...parts: Array<string | number>): string {
  const h = createHash('sha1').update(parts.join(':')).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(
    16,
    20,
  )}-${h.slice(20, 32)}`;
}

export function shortHash(
  length: number,
  ...parts: Array<string | number>
): string {
  return createHash('sha1')
    .update(parts.join(':'))
    .digest('hex')
    .slice(0, length);
}

/** A number in [0, n) from the parts, for addresses and ports. */
export function hashNumber(n: number, ...parts: Array<string | number>) {
  return parseInt(shortHash(8, ...parts), 16) % n;
}

/** The labels every object of a release carries: its name and the portal's Kubernetes id. */
export function releaseLabels(release: Release): Record<string, string> {
  return {
    'app.kubernetes.io/name': release.service.name,
    'backstage.io/kubernetes-id': release.service.kubernetesId,
  };
}

/** The selector of a release's pods. */
export function selectorLabels(release: Release): Record<string, string> {
  return { 'app.kubernetes.io/name': release.service.name };
}

/** The uid of an object of a release, so owners and owned agree on it. */
export function objectUid(release: Release, cluster: string, name: string) {
  return uid(cluster, release.namespace, name);
}

export function metadata(
  release: Release,
  cluster: string,
  name: string,
  createdMs: number,
  extra: Obj = {},
) {
  return {
    name,
    namespace: release.namespace,
    uid: objectUid(release, cluster, name),
    resourceVersion: String(1000 + (parseInt(shortHash(4, name), 16) % 9000)),
    creationTimestamp: iso(createdMs),
    ...extra,
    labels: { ...releaseLabels(release), ...(extra.labels ?? {}) },
  };
}

/** An owner reference to a controller, as the controllers set them on what they create. */
export function controllerRef(
  release: Release,
  cluster: string,
  apiVersion: string,
  kind: string,
  name: string,
) {
  return {
    apiVersion,
    kind,
    name,
    uid: objectUid(release, cluster, name),
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** The image a deploy of a release runs. */
export function imageOf(release: Release, deploy: Deploy): string {
  return `registry.example.com/${release.service.name}:${deploy.revision.slice(
    0,
    8,
  )}`;
}

const probe = (port: string | number, path: string) => ({
  httpGet: { path, port, scheme: 'HTTP' },
  periodSeconds: 10,
  timeoutSeconds: 1,
  successThreshold: 1,
  failureThreshold: 3,
});

/**
 * The service's container: an HTTP server on 8080 with readiness and liveness probes, unless
 * `options` say otherwise (a batch job has no ports and no probes).
 */
export function container(
  release: Release,
  image: string,
  options: {
    ports?: Array<{ name: string; containerPort: number }>;
    /** The port and paths of the probes; none for a batch job. */
    probes?: { port: string | number; ready: string; live: string } | false;
    volumeMounts?: Array<{
      name: string;
      mountPath: string;
      readOnly?: boolean;
    }>;
    args?: string[];
  } = {},
) {
  const ports = options.ports ?? [{ name: 'http', containerPort: 8080 }];
  const probes =
    options.probes === undefined
      ? { port: 8080, ready: '/health/ready', live: '/health/live' }
      : options.probes;
  return {
    name: release.service.name,
    image,
    ...(options.args ? { args: options.args } : {}),
    ...(ports.length > 0
      ? { ports: ports.map(p => ({ ...p, protocol: 'TCP' })) }
      : {}),
    resources: {
      requests: { cpu: '100m', memory: '128Mi' },
      limits: { memory: '256Mi' },
    },
    ...(options.volumeMounts ? { volumeMounts: options.volumeMounts } : {}),
    ...(probes
      ? {
          readinessProbe: probe(probes.port, probes.ready),
          livenessProbe: probe(probes.port, probes.live),
        }
      : {}),
    imagePullPolicy: 'IfNotPresent',
  };
}

/** A condition of the apps controllers (Deployment), with its update time. */
export function condition(
  type: string,
  status: 'True' | 'False',
  reason: string,
  message: string,
  atMs: number,
) {
  return {
    type,
    status,
    reason,
    message,
    lastUpdateTime: iso(atMs),
    lastTransitionTime: iso(atMs),
  };
}
