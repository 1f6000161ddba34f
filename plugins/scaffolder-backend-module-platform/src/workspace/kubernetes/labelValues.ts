import {
  isKubernetesLabelValue,
  KUBERNETES_LABEL_VALUE_MAX_LENGTH,
} from '@internal/catalog-model-platform';
import { YamlSourceDocument } from '../yamlSource';

/** Where manifests carry labels the API server checks (objects, pod templates, selectors). */
const LABEL_MAPS = [
  ['metadata', 'labels'],
  ['spec', 'selector', 'matchLabels'],
  ['spec', 'template', 'metadata', 'labels'],
];

/**
 * Label values the API server would refuse, which the schemas leave as free strings. Today's
 * templates label with names that are valid values; this catches a template author's label built
 * from several of them (over 63 characters), which Argo CD's first sync would otherwise be the
 * first to refuse, after the repository was published. An empty value is valid in Kubernetes.
 */
export function labelValueProblems(
  document: YamlSourceDocument,
  manifest: Record<string, unknown>,
  prefix: string,
): Array<{ line: number; message: string }> {
  const problems: Array<{ line: number; message: string }> = [];
  for (const path of LABEL_MAPS) {
    const labels = path.reduce<unknown>(
      (node, key) => (node as Record<string, unknown> | undefined)?.[key],
      manifest,
    );
    if (!labels || typeof labels !== 'object') continue;
    for (const [key, value] of Object.entries(labels)) {
      if (typeof value !== 'string') continue; // the schema reports a non-string
      const line = document.lineOf(`/${path.join('/')}`, key);
      if (value.length > KUBERNETES_LABEL_VALUE_MAX_LENGTH) {
        problems.push({
          line,
          message: `${prefix}${path.join('.')}["${key}"] is ${
            value.length
          } characters long; Kubernetes allows at most ${KUBERNETES_LABEL_VALUE_MAX_LENGTH} in a label value`,
        });
      } else if (value !== '' && !isKubernetesLabelValue(value)) {
        problems.push({
          line,
          message: `${prefix}${path.join(
            '.',
          )}["${key}"] "${value}" is not a valid label value (letters, digits, "-", "_" and ".", starting and ending with a letter or digit)`,
        });
      }
    }
  }
  return problems;
}
