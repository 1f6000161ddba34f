import type { V1Service } from '@kubernetes/client-node';
import { ApiObject, services } from './__fixtures__';
import { serviceHealth } from './serviceHealth';

const health = (object: ApiObject) =>
  serviceHealth(object as unknown as V1Service);

describe('serviceHealth (gitops-engine health_service.go, documented rule)', () => {
  it('Healthy for a ClusterIP Service', () => {
    expect(health(services.clusterIp)).toEqual({ health: 'Healthy' });
  });

  it('Healthy for a NodePort Service', () => {
    expect(health(services.nodePort)).toEqual({ health: 'Healthy' });
  });

  it('Progressing for a LoadBalancer Service until it has an address', () => {
    expect(health(services.loadBalancerPending)).toEqual({
      health: 'Progressing',
    });
  });

  it('Healthy for a LoadBalancer Service with an ip', () => {
    expect(health(services.loadBalancerWithIp)).toEqual({ health: 'Healthy' });
  });

  it('Healthy for a LoadBalancer Service with a hostname', () => {
    expect(health(services.loadBalancerWithHostname)).toEqual({
      health: 'Healthy',
    });
  });

  it('Progressing for a LoadBalancer ingress entry without ip or hostname (documented rule)', () => {
    expect(health(services.loadBalancerWithoutAddress)).toEqual({
      health: 'Progressing',
    });
  });

  it('Unknown, naming the field, when the ingress list is not a list', () => {
    const object = structuredClone(services.loadBalancerWithIp);
    object.status.loadBalancer.ingress = '203.0.113.10';
    expect(health(object)).toEqual({
      health: 'Unknown',
      message:
        'failed to convert unstructured Service to typed: status.loadBalancer.ingress: expected a list, got the string "203.0.113.10"',
    });
  });

  it('Progressing, never throwing, for a LoadBalancer Service without status', () => {
    const object = structuredClone(services.loadBalancerPending);
    delete object.status;
    expect(health(object)).toEqual({ health: 'Progressing' });
  });
});
