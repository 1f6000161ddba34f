import { allFixtures, hpasV1, ingresses, pods, rollouts } from './__fixtures__';
import { schemaErrors } from './__testUtils__/contractSchemas';

/*
 * Every fixture object is an exact answer of the API server: valid against the published strict
 * schema of its kind (unknown fields rejected), so the health rules are tested on real shapes.
 */
describe('fixtures match the published schemas', () => {
  it('has fixtures', () => {
    expect(allFixtures.length).toBeGreaterThan(100);
  });

  it.each(allFixtures)('%s is valid', (_name, object) => {
    expect(schemaErrors(object)).toEqual([]);
  });

  const oneOfEachKind = [
    ...new Map(
      allFixtures.map(([, object]) => [
        `${object.apiVersion}/${object.kind}`,
        object,
      ]),
    ).entries(),
  ];

  it.each(oneOfEachKind)(
    'the %s schema rejects unknown fields',
    (_kind, object) => {
      const broken = structuredClone(object) as any;
      broken.replicaz = 3;
      broken.metadata.replicaz = 3;
      const expected = [
        '/: unknown field replicaz',
        '/metadata: unknown field replicaz',
      ];
      if (broken.spec) {
        broken.spec.replicaz = 3;
        expected.push('/spec: unknown field replicaz');
      }
      expect(schemaErrors(broken)).toEqual(expect.arrayContaining(expected));
    },
  );

  it('rejects unknown fields deep in the status, for each source of schemas', () => {
    const pod = structuredClone(pods.runningReady) as any;
    pod.status.containerStatuses[0].state.running.since = 'now';
    expect(schemaErrors(pod)).toEqual([
      '/status/containerStatuses/0/state/running: unknown field since',
    ]);

    const hpa = structuredClone(hpasV1.healthy) as any;
    hpa.status.currentCPU = 35;
    expect(schemaErrors(hpa)).toEqual(['/status: unknown field currentCPU']);

    const ingress = structuredClone(ingresses.extensionsWithIp) as any;
    ingress.status.loadBalancer.ingress[0].address = '203.0.113.21';
    expect(schemaErrors(ingress)).toEqual([
      '/status/loadBalancer/ingress/0: unknown field address',
    ]);

    const rollout = structuredClone(rollouts.legacyBlueGreenHealthy) as any;
    rollout.status.blueGreen.activeService = 'checkout-api-active';
    expect(schemaErrors(rollout)).toEqual([
      '/status/blueGreen: unknown field activeService',
    ]);
  });

  it('rejects a value of the wrong type', () => {
    const hpa = structuredClone(hpasV1.healthy) as any;
    hpa.spec.maxReplicas = '10';
    expect(schemaErrors(hpa)).toEqual(['/spec/maxReplicas: must be integer']);
  });
});
