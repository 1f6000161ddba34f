/**
 * How a service runs in Kubernetes: the kind of its workload and what goes with it. The catalog
 * does not say (a Component's annotations name its Kubernetes id, not its kind), so the sandbox
 * decides by {@link WORKLOADS}, keyed by component name; every other service is a Deployment.
 */
export type Workload =
  | {
      kind: 'Deployment';
      /**
       * Reached from outside the cluster: its Service is of type LoadBalancer, and an Ingress
       * serves `<ingressHostPrefix>.<environment>.shop.example.com` (production's without the
       * environment).
       */
      exposure?: { ingressHostPrefix: string };
    }
  | {
      kind: 'StatefulSet';
      /** The size of each replica's PersistentVolumeClaim (`data-<name>-<ordinal>`). */
      storage: string;
    }
  | { kind: 'DaemonSet' }
  | {
      kind: 'CronJob';
      /** `<minute> <hour> * * *`: the sandbox knows daily schedules only. */
      schedule: string;
    }
  | {
      kind: 'Rollout';
      /** Argo Rollouts canary steps: the canary's traffic weights, with a pause after each. */
      canaryWeights: number[];
    };

export const DEPLOYMENT: Workload = { kind: 'Deployment' };

/** The example services that do not run as a plain Deployment. */
export const WORKLOADS: Record<string, Workload> = {
  'edge-gateway': {
    kind: 'Deployment',
    exposure: { ingressHostPrefix: 'api' },
  },
  'search-indexer': { kind: 'StatefulSet', storage: '10Gi' },
  'log-shipper': { kind: 'DaemonSet' },
  'invoice-batch': { kind: 'CronJob', schedule: '0 2 * * *' },
  'promotions-service': { kind: 'Rollout', canaryWeights: [20, 50] },
};

export function workloadOf(serviceName: string): Workload {
  return WORKLOADS[serviceName] ?? DEPLOYMENT;
}

/** The nodes of every sandbox cluster: where pods are scheduled and DaemonSets run one pod each. */
export const NODES_PER_CLUSTER = 3;

export function nodeName(cluster: string, index: number): string {
  return `${cluster}-node-${(index % NODES_PER_CLUSTER) + 1}`;
}
