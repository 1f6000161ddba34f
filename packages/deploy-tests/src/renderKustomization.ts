import { execFileSync } from 'node:child_process';
import { parseAllDocuments } from 'yaml';

/** One object of a rendered kustomization. */
export interface KubernetesObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
  };
  [field: string]: unknown;
}

/**
 * Renders a kustomization with `kubectl kustomize`, as `kubectl apply -k` and Argo CD render it,
 * and returns its objects. kubectl's built-in kustomize is the one these manifests are written
 * for; without kubectl this fails saying so instead of testing something else.
 */
export function renderKustomization(
  dir: string,
  options: { kubectl?: string } = {},
): KubernetesObject[] {
  let output: string;
  try {
    output = execFileSync(options.kubectl ?? 'kubectl', ['kustomize', dir], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: string };
    if (failure.code === 'ENOENT') {
      throw new Error(
        'kubectl is not installed (or not on PATH): install kubectl (https://kubernetes.io/docs/tasks/tools/); ' +
          'its built-in kustomize renders deploy/ for these tests',
      );
    }
    throw new Error(
      `kubectl kustomize ${dir} failed: ${failure.stderr || failure.message}`,
    );
  }
  // Kubernetes reads manifests as YAML 1.1 (sigs.k8s.io/yaml).
  return parseAllDocuments(output, { version: '1.1' }).map((document, i) => {
    if (document.errors.length > 0) {
      throw new Error(
        `document ${i + 1} of kubectl kustomize ${dir} is not YAML: ${
          document.errors[0].message
        }`,
      );
    }
    return document.toJS() as KubernetesObject;
  });
}
