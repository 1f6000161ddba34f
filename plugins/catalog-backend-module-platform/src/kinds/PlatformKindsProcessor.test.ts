import { Entity } from '@backstage/catalog-model';
import { CatalogProcessorResult } from '@backstage/plugin-catalog-node';
import { PLATFORM_API_VERSION } from '@internal/catalog-model-platform';
import { PlatformKindsProcessor } from './PlatformKindsProcessor';

const location = { type: 'file', target: '/catalog/platform.yaml' };

const pipeline = (spec: Record<string, unknown> = {}): Entity => ({
  apiVersion: PLATFORM_API_VERSION,
  kind: 'Pipeline',
  metadata: { name: 'checkout-api-ci' },
  spec: {
    type: 'gitlab-ci',
    owner: 'checkout-team',
    system: 'checkout',
    project: 'commerce/checkout-api',
    defaultRef: 'main',
    stages: ['lint', 'test', 'build', 'scan', 'deploy'],
    schedules: [{ cron: '0 3 * * *', ref: 'main', description: 'nightly' }],
    includes: [
      { project: 'platform/ci-templates', ref: 'v3', file: '/node.yml' },
    ],
    builds: ['checkout-api'],
    deploys: ['component:checkout-api'],
    deploysTo: ['development', 'environment:default/production'],
    ...spec,
  },
});

const environment = (spec: Record<string, unknown> = {}): Entity => ({
  apiVersion: PLATFORM_API_VERSION,
  kind: 'Environment',
  metadata: { name: 'staging' },
  spec: {
    type: 'staging',
    owner: 'group:platform-team',
    production: false,
    promotionOrder: 2,
    promotesTo: 'production',
    clusters: ['eu-staging-1'],
    argocd: { instance: 'staging', project: 'default' },
    cloud: { provider: 'gcp', account: 'acme-staging', region: 'europe-west1' },
    ...spec,
  },
});

async function relationsOf(entity: Entity) {
  const emitted: CatalogProcessorResult[] = [];
  await new PlatformKindsProcessor().postProcessEntity(entity, location, r =>
    emitted.push(r),
  );
  return emitted.map(r => {
    if (r.type !== 'relation') throw new Error(`unexpected ${r.type}`);
    const ref = (e: { kind: string; namespace: string; name: string }) =>
      `${e.kind}:${e.namespace}/${e.name}`.toLocaleLowerCase('en-US');
    return `${ref(r.relation.source)} ${r.relation.type} ${ref(
      r.relation.target,
    )}`;
  });
}

describe('PlatformKindsProcessor', () => {
  const processor = new PlatformKindsProcessor();

  it('accepts valid Pipeline and Environment entities', async () => {
    await expect(processor.validateEntityKind(pipeline())).resolves.toBe(true);
    await expect(processor.validateEntityKind(environment())).resolves.toBe(
      true,
    );
  });

  it('accepts a plain-Kubernetes Environment and an Argo CD-only one', async () => {
    await expect(
      processor.validateEntityKind(environment({ argocd: undefined })),
    ).resolves.toBe(true);
    for (const clusters of [undefined, []]) {
      await expect(
        processor.validateEntityKind(environment({ clusters })),
      ).resolves.toBe(true);
    }
  });

  it('leaves other kinds to their own validators', async () => {
    await expect(
      processor.validateEntityKind({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'x' },
        spec: {},
      }),
    ).resolves.toBe(false);
  });

  it.each([
    [
      'an unknown Pipeline field',
      pipeline({ stage: ['build'] }),
      /\/spec must NOT have additional properties - additionalProperty: stage/,
    ],
    [
      'a wrong field type',
      pipeline({ stages: 'build' }),
      /\/spec\/stages must be array/,
    ],
    [
      'a missing required field',
      environment({ promotionOrder: undefined }),
      /\/spec must have required property 'promotionOrder'/,
    ],
    [
      'an Environment with neither clusters nor Argo CD',
      environment({ clusters: undefined, argocd: undefined }),
      "/spec must have required property 'argocd or clusters' - missingProperty: argocd or clusters",
    ],
    [
      'an Environment with an empty cluster list and no Argo CD',
      environment({ clusters: [], argocd: undefined }),
      "/spec must have required property 'argocd or clusters' - missingProperty: argocd or clusters",
    ],
    [
      'a mistyped Environment field',
      environment({ production: 'yes' }),
      /\/spec\/production must be boolean/,
    ],
    [
      'an unknown nested field',
      environment({ argocd: { instance: 'x', project: 'y', server: 'z' } }),
      /\/spec\/argocd must NOT have additional properties - additionalProperty: server/,
    ],
    [
      'a project that is not a GitLab path',
      pipeline({ project: 'checkout api' }),
      /\/spec\/project must match pattern/,
    ],
  ])('rejects %s with the field path', async (_case, entity, message) => {
    await expect(processor.validateEntityKind(entity)).rejects.toThrow(message);
  });

  it('relates a Pipeline to its owner, system, components and environments in both directions', async () => {
    expect(await relationsOf(pipeline())).toEqual([
      'pipeline:default/checkout-api-ci ownedBy group:default/checkout-team',
      'group:default/checkout-team ownerOf pipeline:default/checkout-api-ci',
      'pipeline:default/checkout-api-ci partOf system:default/checkout',
      'system:default/checkout hasPart pipeline:default/checkout-api-ci',
      'pipeline:default/checkout-api-ci builds component:default/checkout-api',
      'component:default/checkout-api builtBy pipeline:default/checkout-api-ci',
      'pipeline:default/checkout-api-ci deploys component:default/checkout-api',
      'component:default/checkout-api deployedBy pipeline:default/checkout-api-ci',
      'pipeline:default/checkout-api-ci deploysTo environment:default/development',
      'environment:default/development deploymentTargetOf pipeline:default/checkout-api-ci',
      'pipeline:default/checkout-api-ci deploysTo environment:default/production',
      'environment:default/production deploymentTargetOf pipeline:default/checkout-api-ci',
    ]);
  });

  it('relates an Environment to its owner, next environment and clusters in both directions', async () => {
    expect(await relationsOf(environment())).toEqual([
      'environment:default/staging ownedBy group:default/platform-team',
      'group:default/platform-team ownerOf environment:default/staging',
      'environment:default/staging promotesTo environment:default/production',
      'environment:default/production promotedFrom environment:default/staging',
      'environment:default/staging dependsOn resource:default/eu-staging-1',
      'resource:default/eu-staging-1 dependencyOf environment:default/staging',
    ]);
  });

  it('relates an Argo CD-only Environment to no cluster', async () => {
    expect(
      (await relationsOf(environment({ clusters: undefined }))).filter(r =>
        r.includes('resource:'),
      ),
    ).toEqual([]);
  });
});
