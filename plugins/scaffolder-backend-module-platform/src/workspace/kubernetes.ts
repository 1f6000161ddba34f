import { isCatalogApiVersion } from './catalogInfo';
import { KubernetesSchemas } from './kubernetes/kubernetesSchemas';
import { checkKustomizeReferences } from './kubernetes/kustomizeReferences';
import { labelValueProblems } from './kubernetes/labelValues';
import { schemaErrorsToProblems } from './schemaErrors';
import { WorkspaceProblem } from './types';
import { parseYamlFile } from './yamlSource';

export interface KubernetesCheckOptions {
  schemas: KubernetesSchemas;
  /** `<apiVersion>/<kind>` entries accepted without a schema. */
  kindsWithoutSchema: string[];
  /** Whether a path relative to the workspace exists (for kustomize's local references). */
  exists: (workspacePath: string) => boolean;
}

/**
 * Checks every YAML document of a file that has `apiVersion` and `kind` (multi-document files
 * included) against its schema; a kind without one is a problem unless explicitly allowed.
 * Files whose YAML does not parse are reported with the line of the error.
 */
export function checkKubernetesFile(
  file: string,
  text: string,
  options: KubernetesCheckOptions,
): WorkspaceProblem[] {
  // Kubernetes reads manifests with a YAML 1.1 parser (sigs.k8s.io/yaml): `yes` is a boolean.
  const parsed = parseYamlFile(file, text, { version: '1.1' });
  if (parsed.problems.length > 0) return parsed.problems;
  const allowed = new Set(options.kindsWithoutSchema);
  const multiple = parsed.documents.length > 1;
  const problems: WorkspaceProblem[] = [];
  for (const document of parsed.documents) {
    const manifest = document.toJS() as Record<string, unknown>;
    if (typeof manifest !== 'object' || Array.isArray(manifest)) continue;
    const { apiVersion, kind } = manifest;
    if (apiVersion === undefined || kind === undefined) continue;
    const where = multiple ? `document ${document.index + 1}: ` : '';
    if (typeof apiVersion !== 'string' || typeof kind !== 'string') {
      problems.push({
        file,
        line: document.firstLine,
        message: `${where}apiVersion and kind must be strings`,
      });
      continue;
    }
    // Catalog entities are the catalog's to check (catalogInfo.ts).
    if (isCatalogApiVersion(apiVersion)) continue;
    const validate = options.schemas.validatorFor(apiVersion, kind);
    if (!validate) {
      if (!allowed.has(`${apiVersion}/${kind}`)) {
        problems.push({
          file,
          line: document.lineOf('/kind'),
          message: `${where}no schema for kind ${kind} (apiVersion ${apiVersion}), so it cannot be checked; fix the apiVersion or kind, or allow it in scaffolder.platform.validation.kubernetesKindsWithoutSchema as "${apiVersion}/${kind}"`,
        });
      }
      continue;
    }
    if (apiVersion.startsWith('kustomize.config.k8s.io/')) {
      problems.push(
        ...checkKustomizeReferences(file, document, manifest, options.exists),
      );
    }
    problems.push(
      ...schemaErrorsToProblems(
        file,
        document,
        validate(manifest),
        `${where}${kind}: `,
      ),
      ...labelValueProblems(document, manifest, `${where}${kind}: `).map(
        problem => ({ file, ...problem }),
      ),
    );
  }
  return problems;
}
