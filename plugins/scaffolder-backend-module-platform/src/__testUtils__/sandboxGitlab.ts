import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';

/** The integrations of app-config.yaml's development GitLab (the sandbox on localhost:7101). */
export const integrations = ScmIntegrations.fromConfig(
  new ConfigReader({
    integrations: {
      gitlab: [
        {
          host: 'localhost:7101',
          baseUrl: 'http://localhost:7101',
          apiBaseUrl: 'http://localhost:7101/api/v4',
          token: 'sandbox-gitlab-token',
        },
      ],
    },
  }),
);

/** What publish:gitlab outputs for commerce/orders-api on the sandbox GitLab. */
export const published = {
  repoContentsUrl: 'http://localhost:7101/commerce/orders-api/-/blob/main',
  remoteUrl: 'http://localhost:7101/commerce/orders-api',
};
