import type { V1Ingress } from '@kubernetes/client-node';
import { hasLoadBalancerAddress } from './loadBalancerIngress';
import { HealthVerdict, verdict } from './verdict';

/**
 * An Ingress's health by Argo CD (gitops-engine `health_ingress.go`, rule as documented), in
 * `networking.k8s.io` and `extensions`, any version: Healthy once its load balancer has an
 * address (an `ip` or a `hostname` in `status.loadBalancer.ingress`), Progressing before. Like
 * gitops-engine, which reads the list without converting the object, a status it cannot read is
 * Progressing, not Unknown.
 */
export function ingressHealth(ingress: V1Ingress): HealthVerdict {
  return verdict(
    hasLoadBalancerAddress(ingress, 'lenient') ? 'Healthy' : 'Progressing',
  );
}
