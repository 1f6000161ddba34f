import { parseAllDocuments, parse } from 'yaml';
import { GitRepositories } from './gitRepositories';

/** What a pushed project's GitOps manifests say about one environment. */
export interface PushedManifests {
  /** `backstage.io/kubernetes-id` of its Argo CD Application (`argocd/<environment>.yaml`). */
  kubernetesId?: string;
  /** The Application's destination namespace. */
  namespace?: string;
  /** The overlay's replica count for the Deployment (`deploy/overlays/<environment>`). */
  replicas?: number;
  /** Why the manifests could not be read, when they could not: the sandbox then guesses. */
  problem?: string;
}

/**
 * Reads the files of the golden path's GitOps layout at a pushed revision: the Argo CD
 * Application of the environment and the replicas of its kustomize overlay. This is not
 * kustomize: only those fields are read, and anything missing falls back to the project's name.
 */
export async function readPushedManifests(
  git: GitRepositories,
  slug: string,
  revision: string,
  environment: string,
): Promise<PushedManifests> {
  const result: PushedManifests = {};
  try {
    const argocd = await git.readFile(
      slug,
      revision,
      `argocd/${environment}.yaml`,
    );
    const application = argocd
      ? parseAllDocuments(argocd)
          .map(d => d.toJS())
          .find(d => d?.kind === 'Application')
      : undefined;
    result.kubernetesId =
      application?.metadata?.labels?.['backstage.io/kubernetes-id'];
    result.namespace = application?.spec?.destination?.namespace;

    const overlay = await git.readFile(
      slug,
      revision,
      `deploy/overlays/${environment}/kustomization.yaml`,
    );
    const replicas = overlay ? parse(overlay)?.replicas : undefined;
    const count = Array.isArray(replicas) ? replicas[0]?.count : undefined;
    if (typeof count === 'number' && count > 0) result.replicas = count;
  } catch (error) {
    result.problem = `the pushed manifests of ${slug} do not parse: ${
      (error as Error).message
    }`;
  }
  return result;
}
