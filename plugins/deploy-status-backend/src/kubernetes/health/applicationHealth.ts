import { luaResult } from './luaValues';
import { Fields } from './objectFields';
import { assessed, HealthVerdict } from './verdict';

/** The fields of an Argo CD `argoproj.io/v1alpha1` Application that its health check reads. */
export interface ArgoApplication {
  apiVersion?: string;
  kind?: string;
  metadata?: {
    name?: string;
    namespace?: string;
    annotations?: Record<string, string>;
  };
  spec?: unknown;
  status?: {
    health?: { status?: string; message?: string };
    [key: string]: unknown;
  };
}

/**
 * An Application's health (app of apps) by the customisation Argo CD documents for
 * `argoproj.io/Application` (`resource.customizations.health.argoproj.io_Application`; the
 * built-in check was removed in Argo CD 1.8): the child application's own
 * `status.health.status` and message; Progressing before it has a health; Unknown, "Lua
 * returned an invalid health status", when its health has no valid status.
 */
export function applicationHealth(application: ArgoApplication): HealthVerdict {
  return assessed(
    'failed to run the argoproj.io/Application health check',
    () => {
      const status = Fields.of(application).optionalObject('status');
      const health = status?.optionalObject('health');
      if (!health) {
        return luaResult('Progressing', '');
      }
      return luaResult(health.raw('status'), health.raw('message') ?? '');
    },
  );
}
