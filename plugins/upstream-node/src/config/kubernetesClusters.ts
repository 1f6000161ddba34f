import { Config } from '@backstage/config';
import {
  ANNOTATION_KUBERNETES_AUTH_PROVIDER,
  ANNOTATION_KUBERNETES_AWS_ASSUME_ROLE,
  ANNOTATION_KUBERNETES_AWS_EXTERNAL_ID,
  ANNOTATION_KUBERNETES_OIDC_TOKEN_PROVIDER,
} from '@backstage/plugin-kubernetes-common';
import { ClusterDetails } from '@backstage/plugin-kubernetes-node';

/**
 * The clusters of `kubernetes.clusterLocatorMethods` (type `config`), read into the same
 * `ClusterDetails` the Kubernetes backend's config locator builds (auth provider and its
 * metadata, `caData`, `caFile`, `skipTLSVerify`), so the portal's own reads authenticate to a
 * cluster exactly as the Kubernetes plugin does.
 */
export function kubernetesClusters(config: Config): ClusterDetails[] {
  return (
    config.getOptionalConfigArray('kubernetes.clusterLocatorMethods') ?? []
  )
    .filter(method => method.getString('type') === 'config')
    .flatMap(method => method.getOptionalConfigArray('clusters') ?? [])
    .map(cluster => {
      const name = cluster.getString('name');
      const authMetadataBlock =
        cluster.getOptional<Record<string, string>>('authMetadata');
      const authProvider =
        authMetadataBlock?.[ANNOTATION_KUBERNETES_AUTH_PROVIDER] ??
        cluster.getOptionalString('authProvider');
      if (!authProvider) {
        // The Kubernetes backend refuses such a cluster at start-up with the same words.
        throw new Error(
          `cluster '${name}' has no auth provider configured; this must be specified via the 'authProvider' or 'authMetadata.${ANNOTATION_KUBERNETES_AUTH_PROVIDER}' parameter`,
        );
      }
      const optional = (key: string) => cluster.getOptionalString(key);
      const serviceAccountToken = optional('serviceAccountToken');
      const assumeRole = optional('assumeRole');
      const externalId = optional('externalId');
      const oidcTokenProvider = optional('oidcTokenProvider');
      return {
        name,
        title: optional('title'),
        url: cluster.getString('url').replace(/\/+$/, ''),
        skipTLSVerify: cluster.getOptionalBoolean('skipTLSVerify') ?? false,
        caData: optional('caData'),
        caFile: optional('caFile'),
        authMetadata: {
          [ANNOTATION_KUBERNETES_AUTH_PROVIDER]: authProvider,
          ...(serviceAccountToken && { serviceAccountToken }),
          ...(assumeRole && {
            [ANNOTATION_KUBERNETES_AWS_ASSUME_ROLE]: assumeRole,
          }),
          ...(externalId && {
            [ANNOTATION_KUBERNETES_AWS_EXTERNAL_ID]: externalId,
          }),
          ...(oidcTokenProvider && {
            [ANNOTATION_KUBERNETES_OIDC_TOKEN_PROVIDER]: oidcTokenProvider,
          }),
          ...authMetadataBlock,
        },
      };
    });
}
