import { gitlabAuthApiRef } from '@backstage/core-plugin-api';
import { SignInProviderConfig } from '@backstage/core-components';

const gitlabProvider: SignInProviderConfig = {
  id: 'gitlab-auth-provider',
  title: 'GitLab',
  message: 'Sign in with your company GitLab account',
  apiRef: gitlabAuthApiRef,
};

/**
 * Guest sign-in only while `auth.environment` is `development` (the default when unset, as in
 * the auth backend); production portals sign in through GitLab OAuth alone.
 */
export function signInProvidersFor(
  environment: string | undefined,
): Array<'guest' | SignInProviderConfig> {
  return (environment ?? 'development') === 'development'
    ? ['guest', gitlabProvider]
    : [gitlabProvider];
}
