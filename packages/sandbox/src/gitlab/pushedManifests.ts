import { YAMLError, parseAllDocuments } from 'yaml';
import { GitRepositories } from './gitRepositories';

/** What a pushed project's GitOps manifests say about one environment. */
export interface PushedManifests {
  /** `backstage.io/kubernetes-id` of its Argo CD Application (`argocd/<environment>.yaml`). */
  kubernetesId?: string;
  /** The Application's destination namespace. */
  namespace?: string;
  /** The overlay's replica count for the Deployment (`deploy/overlays/<environment>`). */
  replicas?: number;
  /** `<project> <file>:<line>:<column>: <why>` when a manifest does not parse. */
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
  const read = async (file: string) => {
    const text = await git.readFile(slug, revision, file);
    return text === undefined ? [] : documentsOf(text, file);
  };
  try {
    const application = (await read(`argocd/${environment}.yaml`)).find(
      d => d?.kind === 'Application',
    );
    const [overlay] = await read(
      `deploy/overlays/${environment}/kustomization.yaml`,
    );
    const count = Array.isArray(overlay?.replicas)
      ? overlay.replicas[0]?.count
      : undefined;
    return {
      kubernetesId:
        application?.metadata?.labels?.['backstage.io/kubernetes-id'],
      namespace: application?.spec?.destination?.namespace,
      replicas: typeof count === 'number' && count > 0 ? count : undefined,
    };
  } catch (error) {
    return { problem: `${slug} ${(error as Error).message}` };
  }
}

/** Every document of a YAML file; its first syntax error throws as `file:line:column: why`. */
function documentsOf(text: string, file: string): any[] {
  return parseAllDocuments(text).map(document => {
    const [error] = document.errors;
    if (error) throw new Error(located(file, error));
    return document.toJS();
  });
}

function located(file: string, error: YAMLError): string {
  const [start] = error.linePos ?? [];
  const where = start ? `${file}:${start.line}:${start.col}` : file;
  // yaml's message repeats the position and quotes the line after " at line"; keep the reason.
  const why = error.message.split(/ at line \d+/)[0];
  return `${where}: ${why}`;
}
