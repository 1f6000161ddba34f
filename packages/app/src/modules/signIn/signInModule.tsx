import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';
import {
  configApiRef,
  gitlabAuthApiRef,
  useApi,
} from '@backstage/core-plugin-api';
import { SignInPage, SignInProviderConfig } from '@backstage/core-components';
import type { SignInPageProps } from '@backstage/plugin-app-react';

const gitlabProvider: SignInProviderConfig = {
  id: 'gitlab-auth-provider',
  title: 'GitLab',
  message: 'Sign in with your company GitLab account',
  apiRef: gitlabAuthApiRef,
};

/**
 * Offers guest sign-in only while `auth.environment` is `development`; production portals
 * sign in through GitLab OAuth alone.
 */
function PortalSignInPage(props: SignInPageProps) {
  const config = useApi(configApiRef);
  const environment =
    config.getOptionalString('auth.environment') ?? 'development';
  const providers =
    environment === 'development'
      ? (['guest', gitlabProvider] as const)
      : ([gitlabProvider] as const);
  return <SignInPage {...props} providers={[...providers]} />;
}

export const signInModule = createFrontendModule({
  pluginId: 'app',
  extensions: [
    SignInPageBlueprint.make({
      params: { loader: async () => PortalSignInPage },
    }),
  ],
});
