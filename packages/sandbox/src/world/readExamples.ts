import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

/** A service of the example catalog, with what the sandbox needs to stand in for its upstreams. */
export interface ExampleService {
  name: string;
  title: string;
  owner: string;
  system?: string;
  /** `backstage.io/kubernetes-id`: the label on its workloads and Argo CD applications. */
  kubernetesId?: string;
  /** `datadoghq.com/slo-query`, when it has SLOs. */
  sloQuery?: string;
  /** `gitlab.com/project-slug`. */
  gitlabProject?: string;
}

/** An Environment of the example catalog. */
export interface ExampleEnvironment {
  name: string;
  promotionOrder: number;
  production: boolean;
  /** Cluster names (`resource:` refs without the kind); none for an Argo CD-only environment. */
  clusters: string[];
  /** `spec.argocd.instance`; none for a plain-Kubernetes environment. */
  argocdInstance?: string;
  /** `spec.argocd.project`. */
  argocdProject?: string;
}

export interface Examples {
  services: ExampleService[];
  /** Every Component with a GitLab project (services, websites, libraries). */
  repositories: ExampleService[];
  environments: ExampleEnvironment[];
}

function refName(ref: string): string {
  return ref.replace(/^[^:]+:/, '').replace(/^[^/]+\//, '');
}

/**
 * Reads `examples/`, so every example service gets its workloads, applications and SLOs and the
 * sandbox never drifts from the catalog it stands beside.
 */
export function readExamples(dir: string): Examples {
  const entities = fs
    .readdirSync(dir)
    .filter(file => file.endsWith('.yaml'))
    .sort()
    .flatMap(file =>
      parseAllDocuments(fs.readFileSync(path.join(dir, file), 'utf8')).map(
        doc => doc.toJS(),
      ),
    )
    .filter(Boolean);

  const components = entities
    .filter(e => e.kind === 'Component')
    .map((e): ExampleService & { type: string } => {
      const annotations = e.metadata.annotations ?? {};
      return {
        type: String(e.spec?.type),
        name: e.metadata.name,
        title: e.metadata.title ?? e.metadata.name,
        owner: refName(String(e.spec.owner)),
        system: e.spec.system,
        kubernetesId: annotations['backstage.io/kubernetes-id'],
        sloQuery: annotations['datadoghq.com/slo-query'],
        gitlabProject: annotations['gitlab.com/project-slug'],
      };
    });

  const services = components.filter(c => c.type === 'service');
  const repositories = components.filter(c => c.gitlabProject);

  const environments = entities
    .filter(e => e.kind === 'Environment')
    .map(
      (e): ExampleEnvironment => ({
        name: e.metadata.name,
        promotionOrder: Number(e.spec.promotionOrder ?? 0),
        production: Boolean(e.spec.production),
        clusters: (e.spec.clusters ?? []).map(refName),
        argocdInstance: e.spec.argocd?.instance,
        argocdProject: e.spec.argocd?.project,
      }),
    )
    .sort((a, b) => a.promotionOrder - b.promotionOrder);

  return { services, repositories, environments };
}
