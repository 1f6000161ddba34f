import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Entity } from '@backstage/catalog-model';
import { stringify } from 'yaml';
import { exampleEntities, EXAMPLES_DIR } from '../src/__testUtils__/examples';

/**
 * A company of `count` services for the benchmark: the example catalog (teams, systems, the
 * three environments and four clusters) plus `count` services of its own, each with its own
 * Kubernetes id, Argo CD selector and GitLab project, as a real catalog has them. Written to a
 * temporary folder the sandbox reads, so every service has its own workloads, applications,
 * commits and pipelines.
 */
export function writeBenchCatalog(count: number): {
  dir: string;
  services: Entity[];
  environments: Entity[];
} {
  const examples = exampleEntities();
  const models = examples.filter(
    e =>
      e.kind === 'Component' &&
      (e.spec as { type?: string })?.type === 'service' &&
      e.metadata.annotations?.['backstage.io/kubernetes-id'],
  );
  const services: Entity[] = Array.from({ length: count }, (_, i) => {
    const model = models[i % models.length];
    const name = `bench-svc-${String(i).padStart(3, '0')}`;
    return {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name,
        namespace: 'default',
        annotations: {
          'gitlab.com/project-slug': `bench/${name}`,
          'gitlab.com/instance': 'localhost:7101',
          'argocd/app-selector': `backstage.io/kubernetes-id=${name}`,
          'backstage.io/kubernetes-id': name,
        },
      },
      spec: {
        ...model.spec,
        providesApis: [],
        consumesApis: [],
        dependsOn: [],
      },
    };
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-status-bench-'));
  for (const file of fs.readdirSync(EXAMPLES_DIR)) {
    if (file.endsWith('.yaml')) {
      fs.copyFileSync(path.join(EXAMPLES_DIR, file), path.join(dir, file));
    }
  }
  fs.writeFileSync(
    path.join(dir, 'bench-services.yaml'),
    services.map(s => stringify(s)).join('---\n'),
  );
  return {
    dir,
    services,
    environments: examples.filter(e => e.kind === 'Environment'),
  };
}
