import { createApp } from '@backstage/frontend-defaults';
import upstreamStatusPlugin from '@internal/plugin-upstream-status';
import catalogPlatformPlugin from '@internal/plugin-catalog-platform';
import datadogSloPlugin from '@internal/plugin-datadog-slo';
import deployStatusPlugin from '@internal/plugin-deploy-status';
import scaffolderPlatformModule from '@internal/plugin-scaffolder-platform';
import { navModule } from './modules/nav';
import { homeModule } from './modules/home';
import { signInModule } from './modules/signIn';
import { catalogGraphModule } from './modules/catalogGraph';
import {
  argocdUpstreamGate,
  gitlabUpstreamGate,
  kubernetesUpstreamGate,
} from './modules/integrations';

// Published plugins are discovered from package.json (`app.packages: all`); which of their
// extensions appear on which entities is configured under `app.extensions` in app-config.yaml.
export default createApp({
  features: [
    navModule,
    homeModule,
    signInModule,
    catalogGraphModule,
    upstreamStatusPlugin,
    catalogPlatformPlugin,
    datadogSloPlugin,
    deployStatusPlugin,
    // PlatformRepoUrlPicker for Backstage's scaffolder (hosts from scaffolder.platform.allowedHosts).
    scaffolderPlatformModule,
    gitlabUpstreamGate,
    argocdUpstreamGate,
    kubernetesUpstreamGate,
  ],
});
