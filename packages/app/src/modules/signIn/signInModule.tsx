import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';
import { configApiRef, useApi } from '@backstage/core-plugin-api';
import { SignInPage } from '@backstage/core-components';
import type { SignInPageProps } from '@backstage/plugin-app-react';
import { signInProvidersFor } from './signInProviders';
import { SignInFailure } from './SignInFailure';

export function PortalSignInPage(props: SignInPageProps) {
  const config = useApi(configApiRef);
  const providers = signInProvidersFor(
    config.getOptionalString('auth.environment'),
  );
  const [only, ...others] = providers;
  // One provider (GitLab, outside development): its card shows why a sign-in failed and what
  // to do. With several, the stock page reports failures in a message bar.
  if (only && only !== 'guest' && others.length === 0) {
    return (
      <SignInPage {...props} provider={only} ErrorComponent={SignInFailure} />
    );
  }
  return <SignInPage {...props} providers={providers} />;
}

export const signInModule = createFrontendModule({
  pluginId: 'app',
  extensions: [
    SignInPageBlueprint.make({
      params: { loader: async () => PortalSignInPage },
    }),
  ],
});
