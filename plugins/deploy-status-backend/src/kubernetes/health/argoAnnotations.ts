/** Leaves an object out of its application's health (controller/health.go, `"true"` only). */
export const IGNORE_HEALTHCHECK = 'argocd.argoproj.io/ignore-healthcheck';
/** Assesses a running Never/OnFailure pod like a long-running one (docs: Resource Health, Pod). */
export const IGNORE_RESTART_POLICY = 'argocd.argoproj.io/ignore-restart-policy';
/** Argo CD's finalizer on the hooks it runs: such an object is not "Pending deletion". */
export const HOOK_FINALIZER = 'argocd.argoproj.io/hook-finalizer';

const HOOK = 'argocd.argoproj.io/hook';
const HELM_HOOK = 'helm.sh/hook';
const HOOK_TYPES = new Set([
  'PreSync',
  'Sync',
  'PostSync',
  'SyncFail',
  'Skip',
  'PreDelete',
  'PostDelete',
]);

/**
 * Whether Argo CD runs the object as a resource hook (gitops-engine `hook.IsHook`): it has the
 * `argocd.argoproj.io/hook` annotation and is not only `Skip`, or, without that annotation, a
 * Helm hook other than `crd-install`.
 */
export function isHook(annotations: Record<string, string>): boolean {
  if (HOOK in annotations) {
    const types = annotations[HOOK].split(',')
      .map(type => type.trim())
      .filter(type => HOOK_TYPES.has(type));
    const skipOnly = types.length === 1 && types[0] === 'Skip';
    return !skipOnly;
  }
  return HELM_HOOK in annotations && annotations[HELM_HOOK] !== 'crd-install';
}
