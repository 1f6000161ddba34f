/** Longest name: a Kubernetes namespace and DNS label (RFC 1123) allow 63 characters. */
export const MAX_NAME_LENGTH = 63;

/**
 * The rules a service or resource name breaks, each as a sentence naming the rule; empty when
 * the name is fine. Names become the GitLab project, the Kubernetes namespace and the catalog
 * entity, so they follow the strictest of those: an RFC 1123 label that starts with a letter.
 */
export function nameProblems(value: string): string[] {
  if (value === '') return ['must not be empty'];
  // Unrendered template syntax means a template passed `name` through without `${{ }}` working.
  const template = /\$\{\{.*?\}\}|\{%.*?%\}|\{\{.*?\}\}|\$\{\{|\{%|\{\{/.exec(
    value,
  );
  if (template) {
    return [
      `contains template syntax (${template[0]}): the value was never rendered; pass it as \${{ parameters.<field> }} in the template`,
    ];
  }
  const problems: string[] = [];
  if (value.includes('/') || value.includes('\\') || value.includes('..')) {
    problems.push('must not contain a path (/, \\ or ..)');
  }
  if (/\s/.test(value)) problems.push('must not contain spaces');
  const capitals = value.match(/[A-Z]/g);
  if (capitals) {
    problems.push(
      `must be lowercase (has ${[...new Set(capitals)].join(', ')})`,
    );
  }
  if (/^[0-9]/.test(value)) {
    problems.push('must start with a letter, not a digit');
  } else if (/^-/.test(value)) {
    problems.push('must start with a letter, not a dash');
  }
  if (/-$/.test(value)) problems.push('must end with a letter or digit');
  // Characters not already named by a rule above (`..` is the path rule's).
  const others = value.replace(/\.\./g, '').match(/[^a-zA-Z0-9\-\s/\\]/g);
  if (others) {
    problems.push(
      `may contain only lowercase letters, digits and dashes (has ${[
        ...new Set(others),
      ]
        .map(c => `"${c}"`)
        .join(', ')})`,
    );
  }
  if (value.length > MAX_NAME_LENGTH) {
    problems.push(
      `must be at most ${MAX_NAME_LENGTH} characters (has ${value.length})`,
    );
  }
  return problems;
}
