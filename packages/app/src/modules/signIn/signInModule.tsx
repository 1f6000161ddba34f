import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';
import { configApiRef, useApi } from '@backstage/core-plugin-api';
import { SignInPage } from '@backstage/core-components';
import type { SignInPageProps } from '@backstage/plugin-app-react';
import { signInProvidersFor } from './signInProviders';

function PortalSignInPage(props: SignInPageProps) {
  const config = useApi(configApiRef);
  const providers = signInProvidersFor(
    config.getOptionalString('auth.environment'),
  );
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
