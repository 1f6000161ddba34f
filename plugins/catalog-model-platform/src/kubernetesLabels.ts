/**
 * Kubernetes label syntax, which the portal's annotations (Kubernetes id, label selectors), its
 * templates' manifests and Argo CD's selectors all follow. One definition, so that what a template
 * is allowed to write and what the deploy status accepts cannot drift apart.
 */

/** Longest label value, and longest name part of a label key. */
export const KUBERNETES_LABEL_VALUE_MAX_LENGTH = 63;

/** Alphanumeric at both ends, `-`, `_` and `.` inside, at most 63 characters. */
const LABEL_NAME = '[A-Za-z0-9](?:[-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?';
const LABEL_VALUE = new RegExp(`^${LABEL_NAME}$`);
/** An optional DNS-subdomain prefix with a slash, then a name. */
const LABEL_KEY = new RegExp(
  `^(?:[a-z0-9](?:[-a-z0-9.]{0,251}[a-z0-9])?/)?${LABEL_NAME}$`,
);

/**
 * A non-empty label value. (The API server also accepts an empty value; callers that allow one
 * say so themselves, as an empty id or selector value is never what an annotation means.)
 */
export function isKubernetesLabelValue(value: string): boolean {
  return LABEL_VALUE.test(value);
}

/** A label key such as `app.kubernetes.io/name`. */
export function isKubernetesLabelKey(key: string): boolean {
  return LABEL_KEY.test(key);
}
