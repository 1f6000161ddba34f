import type { ConfigApi } from '@backstage/frontend-plugin-api';

/**
 * The hosts the portal publishes to: `scaffolder.platform.allowedHosts`, or without it the hosts
 * of `integrations.gitlab`. The same rule as the backend's `platform:check-request`
 * (plugins/scaffolder-backend-module-platform/src/config.ts), so the form offers no host the
 * backend would refuse.
 */
export function readPlatformAllowedHosts(config: ConfigApi): string[] {
  return (
    config.getOptionalStringArray('scaffolder.platform.allowedHosts') ??
    (config.getOptionalConfigArray('integrations.gitlab') ?? []).map(gitlab =>
      gitlab.getString('host'),
    )
  );
}

/**
 * The hosts the picker offers. A template's own `ui:options.allowedHosts` can only narrow the
 * portal's list (the intersection, in the portal's order), never add to it; without one, the
 * portal's list is used as it is.
 */
export function pickerHosts(
  platformHosts: string[],
  templateHosts: string[] | undefined,
): string[] {
  if (!templateHosts) return platformHosts;
  return platformHosts.filter(host => templateHosts.includes(host));
}
