import path from 'node:path';
import { workloadObjects } from '../kubernetes/workloadObjects';
import { buildWorld } from '../world/buildWorld';
import { readExamples } from '../world/readExamples';
import { ROLLOUT_CRD, assertCrdSchema, assertListSchema } from './contracts';

/* The checks the sandbox's contract tests rely on catch what they are meant to. */

const NOW = Date.UTC(2026, 0, 5, 9);
const world = buildWorld(
  readExamples(path.resolve(__dirname, '../../../../examples')),
  'test',
  NOW,
);
const objectsOf = (service: string) =>
  workloadObjects(
    world.releases.find(r => r.service.name === service)!,
    'dev-eu-1',
    NOW,
  );
const list = (kind: string, items: unknown[]) => ({
  kind,
  apiVersion: 'apps/v1',
  metadata: { resourceVersion: '1' },
  items,
});

describe('contract checks', () => {
  it.each([
    ['an unknown status field', (o: any) => (o.status.bogus = 1)],
    ['an unknown metadata field', (o: any) => (o.metadata.bogus = 1)],
    [
      'an unknown container field',
      (o: any) => (o.spec.template.spec.containers[0].bogus = 1),
    ],
    ['a number for a string', (o: any) => (o.status.observedGeneration = 3)],
  ])('rejects a Rollout with %s against the CRD', (_case, change) => {
    const [rollout] = structuredClone(objectsOf('promotions-service').rollouts);
    assertCrdSchema(ROLLOUT_CRD, 'v1alpha1', rollout);
    change(rollout);
    expect(() => assertCrdSchema(ROLLOUT_CRD, 'v1alpha1', rollout)).toThrow(
      /Not valid against/,
    );
  });

  it('rejects a list whose item or envelope is not Kubernetes’', () => {
    const [daemonSet] = structuredClone(objectsOf('log-shipper').daemonsets);
    assertListSchema(
      'daemonset-apps-v1.json',
      'DaemonSetList',
      list('DaemonSetList', [daemonSet]),
    );
    expect(() =>
      assertListSchema(
        'daemonset-apps-v1.json',
        'DaemonSetList',
        list('PodList', [daemonSet]),
      ),
    ).toThrow();
    daemonSet.spec.template.spec.bogus = 1;
    expect(() =>
      assertListSchema(
        'daemonset-apps-v1.json',
        'DaemonSetList',
        list('DaemonSetList', [daemonSet]),
      ),
    ).toThrow(/additional properties/);
  });
});
