import { Config } from '@backstage/config';
import { gitlabInstances } from '@internal/upstream-node';

/** The module's settings under `scaffolder.platform` (see config.d.ts). */
export interface PlatformScaffolderSettings {
  allowedHosts: string[];
  kubernetesKindsWithoutSchema: string[];
  /** `<app.baseUrl>/catalog-import`, named when registering fails. */
  catalogImportUrl: string;
}

export function readPlatformScaffolderSettings(
  config: Config,
): PlatformScaffolderSettings {
  const configuredHosts = config.getOptionalStringArray(
    'scaffolder.platform.allowedHosts',
  );
  // Without an explicit list, the GitLab hosts the portal has credentials for (not the
  // gitlab.com that the integrations add implicitly).
  const gitlabHosts = gitlabInstances(config).map(gitlab => gitlab.host);
  const appBaseUrl = config.getString('app.baseUrl').replace(/\/+$/, '');
  return {
    allowedHosts: configuredHosts ?? gitlabHosts,
    kubernetesKindsWithoutSchema:
      config.getOptionalStringArray(
        'scaffolder.platform.validation.kubernetesKindsWithoutSchema',
      ) ?? [],
    catalogImportUrl: `${appBaseUrl}/catalog-import`,
  };
}
