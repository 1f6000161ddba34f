import { Release } from '../world/buildWorld';
import {
  hashNumber,
  iso,
  metadata,
  Obj,
  selectorLabels,
  shortHash,
} from './objectMeta';

/* How a release is reached and scaled: its Service, Ingress and HorizontalPodAutoscaler. */

function clusterIP(cluster: string, name: string): string {
  return `10.96.${parseInt(shortHash(2, cluster, name), 16)}.${parseInt(
    shortHash(2, name, cluster),
    16,
  )}`;
}

/** A public address of the cluster's cloud load balancers (Google's 34.0.0.0/10 range). */
function publicIP(cluster: string, what: string): string {
  return `34.${64 + hashNumber(64, cluster, what)}.${hashNumber(
    256,
    what,
    cluster,
  )}.${1 + hashNumber(254, cluster, what, 'host')}`;
}

/**
 * The release's Service: ClusterIP on port 80 (the default), headless for a StatefulSet's stable
 * pod names, or a cloud LoadBalancer whose address the cloud controller has published.
 */
export function serviceObject(
  release: Release,
  cluster: string,
  createdAt: number,
  type: 'ClusterIP' | 'Headless' | 'LoadBalancer' = 'ClusterIP',
): Obj {
  const name = release.service.name;
  const selector = selectorLabels(release);
  const ports = [
    { name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' },
  ];
  if (type === 'Headless') {
    return {
      metadata: metadata(release, cluster, name, createdAt),
      spec: {
        type: 'ClusterIP',
        clusterIP: 'None',
        clusterIPs: ['None'],
        selector,
        ports,
        publishNotReadyAddresses: false,
        sessionAffinity: 'None',
        ipFamilies: ['IPv4'],
        ipFamilyPolicy: 'SingleStack',
        internalTrafficPolicy: 'Cluster',
      },
      status: { loadBalancer: {} },
    };
  }
  if (type === 'LoadBalancer') {
    const ip = clusterIP(cluster, name);
    return {
      metadata: metadata(release, cluster, name, createdAt, {
        finalizers: ['service.kubernetes.io/load-balancer-cleanup'],
      }),
      spec: {
        type: 'LoadBalancer',
        selector,
        ports: [
          {
            ...ports[0],
            nodePort: 30000 + hashNumber(2768, cluster, name, 'http'),
          },
          {
            name: 'grpc',
            port: 443,
            targetPort: 'grpc',
            protocol: 'TCP',
            nodePort: 30000 + hashNumber(2768, cluster, name, 'grpc'),
          },
        ],
        clusterIP: ip,
        clusterIPs: [ip],
        sessionAffinity: 'None',
        externalTrafficPolicy: 'Cluster',
        allocateLoadBalancerNodePorts: true,
        internalTrafficPolicy: 'Cluster',
        ipFamilies: ['IPv4'],
        ipFamilyPolicy: 'SingleStack',
      },
      status: {
        loadBalancer: {
          ingress: [
            { ip: publicIP(cluster, `service/${name}`), ipMode: 'VIP' },
          ],
        },
      },
    };
  }
  return {
    metadata: metadata(release, cluster, name, createdAt),
    spec: {
      type: 'ClusterIP',
      selector,
      ports,
      clusterIP: clusterIP(cluster, name),
      sessionAffinity: 'None',
    },
    status: { loadBalancer: {} },
  };
}

/** `api.staging.shop.example.com`; production's without the environment. */
export function ingressHost(release: Release, prefix: string): string {
  return release.environment.production
    ? `${prefix}.shop.example.com`
    : `${prefix}.${release.environment.name}.shop.example.com`;
}

/** An HTTPS Ingress to the release's Service, with the address its controller published. */
export function ingressObject(
  release: Release,
  cluster: string,
  createdAt: number,
  host: string,
): Obj {
  const name = release.service.name;
  return {
    metadata: metadata(release, cluster, name, createdAt, {
      generation: 1,
      annotations: { 'cert-manager.io/cluster-issuer': 'letsencrypt' },
    }),
    spec: {
      ingressClassName: 'nginx',
      tls: [{ hosts: [host], secretName: `${name}-tls` }],
      rules: [
        {
          host,
          http: {
            paths: [
              {
                path: '/',
                pathType: 'Prefix',
                backend: { service: { name, port: { name: 'http' } } },
              },
            ],
          },
        },
      ],
    },
    status: {
      // The ingress controller's own load balancer, shared by every Ingress of the cluster.
      loadBalancer: { ingress: [{ ip: publicIP(cluster, 'ingress-nginx') }] },
    },
  };
}

/** An autoscaler of the release's workload on CPU, at its target. */
export function autoscalerObject(
  release: Release,
  cluster: string,
  createdAt: number,
  target: { apiVersion: string; kind: string },
  currentReplicas: number,
): Obj {
  const name = release.service.name;
  const current = release.history[0];
  return {
    metadata: metadata(release, cluster, name, createdAt),
    spec: {
      scaleTargetRef: { ...target, name },
      minReplicas: release.replicas,
      maxReplicas: release.replicas * 3,
      metrics: [
        {
          type: 'Resource',
          resource: {
            name: 'cpu',
            target: { type: 'Utilization', averageUtilization: 70 },
          },
        },
      ],
    },
    status: {
      currentReplicas,
      desiredReplicas: release.replicas,
      currentMetrics: [
        {
          type: 'Resource',
          resource: {
            name: 'cpu',
            current: {
              averageUtilization:
                35 + (parseInt(shortHash(2, cluster, name), 16) % 40),
              averageValue: '42m',
            },
          },
        },
      ],
      conditions: [
        {
          type: 'AbleToScale',
          status: 'True',
          reason: 'ReadyForNewScale',
          message: 'recommended size matches current size',
          lastTransitionTime: iso(current.deployedAt),
        },
        {
          type: 'ScalingActive',
          status: 'True',
          reason: 'ValidMetricFound',
          message:
            'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)',
          lastTransitionTime: iso(current.deployedAt),
        },
      ],
    },
  };
}
