import { ApiObject, objectMeta, variant } from './apiObject';

/* Services and Ingresses as the API server answers them. */

const clusterIp: ApiObject = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: objectMeta('checkout-api'),
  spec: {
    clusterIP: '10.96.112.40',
    clusterIPs: ['10.96.112.40'],
    internalTrafficPolicy: 'Cluster',
    ipFamilies: ['IPv4'],
    ipFamilyPolicy: 'SingleStack',
    ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 'http' }],
    selector: { 'app.kubernetes.io/name': 'checkout-api' },
    sessionAffinity: 'None',
    type: 'ClusterIP',
  },
  status: { loadBalancer: {} },
};

const loadBalancerPending = variant(clusterIp, s => {
  s.metadata.name = 'checkout-api-public';
  s.spec.type = 'LoadBalancer';
  s.spec.allocateLoadBalancerNodePorts = true;
  s.spec.externalTrafficPolicy = 'Cluster';
  s.spec.ports[0].nodePort = 31380;
});

export const services = {
  clusterIp,
  nodePort: variant(clusterIp, s => {
    s.spec.type = 'NodePort';
    s.spec.externalTrafficPolicy = 'Cluster';
    s.spec.ports[0].nodePort = 30080;
  }),
  loadBalancerPending,
  loadBalancerWithIp: variant(loadBalancerPending, s => {
    s.status = {
      loadBalancer: { ingress: [{ ip: '203.0.113.10', ipMode: 'VIP' }] },
    };
  }),
  loadBalancerWithHostname: variant(loadBalancerPending, s => {
    s.status = {
      loadBalancer: {
        ingress: [
          { hostname: 'a1b2c3d4e5-1234567890.eu-central-1.elb.amazonaws.com' },
        ],
      },
    };
  }),
  loadBalancerWithoutAddress: variant(loadBalancerPending, s => {
    s.status = {
      loadBalancer: { ingress: [{ ports: [{ port: 80, protocol: 'TCP' }] }] },
    };
  }),
} satisfies Record<string, ApiObject>;

const ingressPending: ApiObject = {
  apiVersion: 'networking.k8s.io/v1',
  kind: 'Ingress',
  metadata: objectMeta('checkout-api', { generation: 1 }),
  spec: {
    ingressClassName: 'nginx',
    rules: [
      {
        host: 'checkout.example.com',
        http: {
          paths: [
            {
              backend: {
                service: { name: 'checkout-api', port: { name: 'http' } },
              },
              path: '/',
              pathType: 'Prefix',
            },
          ],
        },
      },
    ],
    tls: [{ hosts: ['checkout.example.com'], secretName: 'checkout-tls' }],
  },
  status: { loadBalancer: {} },
};

export const ingresses = {
  pending: ingressPending,
  withIp: variant(ingressPending, i => {
    i.status = { loadBalancer: { ingress: [{ ip: '203.0.113.20' }] } };
  }),
  withHostname: variant(ingressPending, i => {
    i.status = {
      loadBalancer: { ingress: [{ hostname: 'ingress.example.com' }] },
    };
  }),
  withoutAddress: variant(ingressPending, i => {
    i.status = {
      loadBalancer: { ingress: [{ ports: [{ port: 443, protocol: 'TCP' }] }] },
    };
  }),
  /** An Ingress of the old `extensions/v1beta1` API (Kubernetes before 1.22). */
  extensionsWithIp: {
    apiVersion: 'extensions/v1beta1',
    kind: 'Ingress',
    metadata: objectMeta('checkout-legacy', { generation: 1 }),
    spec: {
      rules: [
        {
          host: 'legacy.example.com',
          http: {
            paths: [
              {
                backend: { serviceName: 'checkout-api', servicePort: 80 },
                path: '/',
                pathType: 'ImplementationSpecific',
              },
            ],
          },
        },
      ],
    },
    status: { loadBalancer: { ingress: [{ ip: '203.0.113.21' }] } },
  },
} satisfies Record<string, ApiObject>;
