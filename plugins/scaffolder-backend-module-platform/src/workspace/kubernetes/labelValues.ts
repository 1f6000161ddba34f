import { YamlSourceDocument } from '../yamlSource';

/** Kubernetes label values: at most 63 characters, alphanumeric at both ends (or empty). */
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const MAX_LABEL_VALUE = 63;

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
 * first to refuse, after the repository was published.
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
      if (value.length > MAX_LABEL_VALUE) {
        problems.push({
          line,
          message: `${prefix}${path.join('.')}["${key}"] is ${
            value.length
          } characters long; Kubernetes allows at most ${MAX_LABEL_VALUE} in a label value`,
        });
      } else if (!LABEL_VALUE.test(value)) {
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
