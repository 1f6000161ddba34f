import { Config } from '@backstage/config';
import { LoggerService } from '@backstage/backend-plugin-api';
import {
  AksStrategy,
  AnonymousStrategy,
  AwsIamStrategy,
  AzureIdentityStrategy,
  DispatchStrategy,
  GoogleServiceAccountStrategy,
  GoogleStrategy,
  OidcStrategy,
  ServiceAccountStrategy,
} from '@backstage/plugin-kubernetes-backend';
import { KubeConfig } from '@kubernetes/client-node';
import {
  AuthenticationStrategy,
  ClusterDetails,
  KubernetesCredential,
} from '@backstage/plugin-kubernetes-node';

/**
 * The Kubernetes backend's own authentication strategies, by the same `authProvider` names, so a
 * cluster the Kubernetes plugin can read is read the same way here (service account, AWS IAM,
 * Azure identity, Google service account, …). `aks`, `google` and `oidc` authenticate with the
 * signed-in user's token, which the portal's own reads do not have: they answer why.
 */
export function defaultAuthStrategy(options: {
  config: Config;
  logger: LoggerService;
}): AuthenticationStrategy {
  const { config, logger } = options;
  const serviceAccount = new ServiceAccountStrategy();
  // The strategy loads @kubernetes/client-node with a dynamic import(), which a CommonJS test
  // runner cannot follow; handing it the module the portal already loaded changes nothing else.
  Object.assign(serviceAccount, { injectedKubernetesClient: { KubeConfig } });
  return new DispatchStrategy({
    authStrategyMap: {
      aks: new AksStrategy(),
      aws: new AwsIamStrategy({ config }),
      azure: new AzureIdentityStrategy(logger),
      google: new GoogleStrategy(),
      googleServiceAccount: new GoogleServiceAccountStrategy({ config }),
      localKubectlProxy: new AnonymousStrategy(),
      oidc: new OidcStrategy(),
      serviceAccount,
    },
  });
}

/** The portal's own credential for a cluster (no user token). */
export function portalCredential(
  strategy: AuthenticationStrategy,
  cluster: ClusterDetails,
): Promise<KubernetesCredential> {
  return strategy.getCredential(cluster, {});
}
