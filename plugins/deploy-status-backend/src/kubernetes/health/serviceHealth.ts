import type { V1Service } from '@kubernetes/client-node';
import { hasLoadBalancerAddress } from './loadBalancerIngress';
import { Fields } from './objectFields';
import { assessed, HealthVerdict, verdict } from './verdict';

/**
 * A Service's health by Argo CD (gitops-engine `health_service.go`, rule as documented): a
 * LoadBalancer Service is Progressing until its load balancer has an address (an `ip` or a
 * `hostname` in `status.loadBalancer.ingress`); every other Service is Healthy.
 */
export function serviceHealth(service: V1Service): HealthVerdict {
  return assessed('failed to convert unstructured Service to typed', () => {
    const type = Fields.of(service).object('spec').string('type');
    if (type === 'LoadBalancer' && !hasLoadBalancerAddress(service, 'strict')) {
      return verdict('Progressing');
    }
    return verdict('Healthy');
  });
}
