import { entityKindSchemaValidator } from '@backstage/catalog-model';
import { PLATFORM_API_VERSION } from '../apiVersion';
import { environmentEntitySchema } from './EnvironmentEntity';

const validate = entityKindSchemaValidator(environmentEntitySchema);

const environment = (spec: Record<string, unknown>) => ({
  apiVersion: PLATFORM_API_VERSION,
  kind: 'Environment',
  metadata: { name: 'preview' },
  spec: {
    type: 'preview',
    owner: 'group:platform-team',
    production: false,
    promotionOrder: 0,
    ...spec,
  },
});

const argocd = { instance: 'dev', project: 'default' };

describe('environmentEntitySchema', () => {
  it.each([
    ['clusters and Argo CD', { clusters: ['dev-eu-1'], argocd }],
    ['clusters only (plain Kubernetes)', { clusters: ['dev-eu-1'] }],
    ['Argo CD only, without clusters', { argocd }],
    ['Argo CD only, with an empty cluster list', { clusters: [], argocd }],
  ])('accepts an environment with %s', (_case, spec) => {
    expect(validate(environment(spec))).toBeTruthy();
  });

  it.each([
    ['neither clusters nor Argo CD', {}],
    ['an empty cluster list and no Argo CD', { clusters: [] }],
  ])('rejects %s, saying what it needs', (_case, spec) => {
    expect(() => validate(environment(spec))).toThrow(
      "/spec must have required property 'argocd or clusters' - missingProperty: argocd or clusters",
    );
  });

  it('still names other mistakes first when the environment has what it needs', () => {
    expect(() =>
      validate(environment({ argocd, clusters: ['dev-eu-1'], cluster: 'x' })),
    ).toThrow(
      '/spec must NOT have additional properties - additionalProperty: cluster',
    );
    expect(() =>
      validate(environment({ argocd: { instance: 'dev' } })),
    ).toThrow("/spec/argocd must have required property 'project'");
  });
});
