import type { V1Ingress } from '@kubernetes/client-node';
import { ApiObject, ingresses } from './__fixtures__';
import { ingressHealth } from './ingressHealth';

const health = (object: ApiObject) =>
  ingressHealth(object as unknown as V1Ingress);

describe('ingressHealth (gitops-engine health_ingress.go, documented rule)', () => {
  it('Progressing until the load balancer has an address', () => {
    expect(health(ingresses.pending)).toEqual({ health: 'Progressing' });
  });

  it('Healthy with an ip', () => {
    expect(health(ingresses.withIp)).toEqual({ health: 'Healthy' });
  });

  it('Healthy with a hostname', () => {
    expect(health(ingresses.withHostname)).toEqual({ health: 'Healthy' });
  });

  it('Progressing for an entry without ip or hostname (documented rule)', () => {
    expect(health(ingresses.withoutAddress)).toEqual({
      health: 'Progressing',
    });
  });

  it('Healthy for an extensions/v1beta1 Ingress with an ip', () => {
    expect(health(ingresses.extensionsWithIp)).toEqual({ health: 'Healthy' });
  });

  it('Progressing, not Unknown, for a status it cannot read (gitops-engine ignores the error)', () => {
    const object = structuredClone(ingresses.withIp);
    object.status.loadBalancer = ['203.0.113.20'];
    expect(health(object)).toEqual({ health: 'Progressing' });
    delete object.status;
    expect(health(object)).toEqual({ health: 'Progressing' });
  });
});
