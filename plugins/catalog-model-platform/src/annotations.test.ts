import { Entity } from '@backstage/catalog-model';
import {
  readArgoCdApps,
  readDatadogSlos,
  readEnvironmentRefs,
  readGitlabProject,
  readKubernetesWorkloads,
} from './annotations';

const entity = (annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout-api', annotations },
});

describe('annotation readers', () => {
  it('read every integration of a fully annotated service', () => {
    const e = entity({
      'gitlab.com/project-slug': 'commerce/checkout-api',
      'argocd/app-selector': 'backstage.io/kubernetes-id=checkout-api',
      'backstage.io/kubernetes-id': 'checkout-api',
      'datadoghq.com/slo-query': 'service:checkout-api',
      'datadoghq.com/slo-ids': 'abc123, def456',
      'platformportal.io/environments': 'development, staging',
    });
    expect(readGitlabProject(e)).toEqual({ slug: 'commerce/checkout-api' });
    expect(readArgoCdApps(e)).toEqual({
      selector: 'backstage.io/kubernetes-id=checkout-api',
    });
    expect(readKubernetesWorkloads(e)).toEqual({ id: 'checkout-api' });
    expect(readDatadogSlos(e)).toEqual({
      query: 'service:checkout-api',
      ids: ['abc123', 'def456'],
    });
    expect(readEnvironmentRefs(e)).toEqual(['development', 'staging']);
  });

  it('say "not configured" (undefined) for missing or blank annotations', () => {
    const e = entity({
      'gitlab.com/project-slug': '  ',
      'argocd/app-name': '',
    });
    expect(readGitlabProject(e)).toBeUndefined();
    expect(readArgoCdApps(e)).toBeUndefined();
    expect(readKubernetesWorkloads(e)).toBeUndefined();
    expect(readDatadogSlos(e)).toBeUndefined();
    expect(readEnvironmentRefs(e)).toEqual([]);
  });
});
