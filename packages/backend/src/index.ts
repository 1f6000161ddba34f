import { createBackend } from '@backstage/backend-defaults';
import { strictRootConfigServiceFactory } from './config/strictRootConfigServiceFactory';

const backend = createBackend();

// Stops start-up with every missing environment variable and schema violation, each by key.
backend.add(strictRootConfigServiceFactory);

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));

// Sign-in: guest for development, GitLab OAuth in production (see app-config.production.yaml).
// The guest module is always added (a module cannot be left out by configuration): production
// removes `auth.providers.guest`, so no guest provider is configured there, and the module itself
// refuses outside NODE_ENV=development.
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(import('@backstage/plugin-auth-backend-module-gitlab-provider'));

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
// Pipeline and Environment kinds; one Location per catalog file, so a broken file fails alone;
// GitLab discovery (catalog.providers.gitlab, production) whose scans are all-or-nothing.
// It replaces @backstage/plugin-catalog-backend-module-gitlab's module: do not add that one too.
// It also holds the trust rules: Users and Groups only from the organisation import below (or
// the portal's own catalog.locations), Templates and Environments only from the platform's
// repositories (catalog.platform.trustedLocations).
backend.add(import('@internal/plugin-catalog-backend-module-platform'));
// The organisation: Users and Groups from the company GitLab group (catalog.providers.gitlab
// entries with orgEnabled, production); the sign-in resolvers find people among them.
backend.add(import('@backstage/plugin-catalog-backend-module-gitlab-org'));
// Where a failed catalog file is reported: the log line, and the unprocessed-entities API and page.
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
backend.add(import('@backstage/plugin-catalog-backend-module-unprocessed'));

backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-gitlab'));
backend.add(
  import('@backstage/plugin-scaffolder-backend-module-notifications'),
);
// platform:check-request, platform:validate (rendered files checked before publishing) and
// platform:catalog:register (says what to clean up when registering fails).
backend.add(import('@internal/plugin-scaffolder-backend-module-platform'));

backend.add(import('@backstage/plugin-permission-backend'));
// Every plugin's permission checks: a signed-in user's decisions reused for a few seconds
// (permission.platform.decisionCacheSeconds): each check is otherwise an HTTP round trip.
backend.add(import('@internal/permission-node-platform'));
backend.add(
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);

// Search: PostgreSQL engine in production; on SQLite the module steps aside for the in-memory engine.
backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-pg'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));

// Deploy and health integrations.
backend.add(import('@backstage/plugin-kubernetes-backend'));
backend.add(import('@immobiliarelabs/backstage-plugin-gitlab-backend'));
// Components read from a GitLab URL get `gitlab.com/instance` (and a project slug when they have
// none) from their location, so the GitLab cards ask the right host, not gitlab.com.
backend.add(
  import('@immobiliarelabs/backstage-plugin-gitlab-backend').then(m => ({
    default: m.catalogPluginGitlabFillerProcessorModule,
  })),
);
backend.add(import('@roadiehq/backstage-plugin-argo-cd-backend'));
// Lets those integrations' cards say once that their upstream is down.
backend.add(import('@internal/plugin-upstream-status-backend'));
// Datadog SLOs and error budgets; starts without keys and says so on the SLO card.
backend.add(import('@internal/plugin-datadog-slo-backend'));
// What runs in each environment and whether it is healthy (Argo CD, GitLab, Kubernetes).
backend.add(import('@internal/plugin-deploy-status-backend'));

backend.add(import('@backstage/plugin-events-backend'));
backend.add(import('@backstage/plugin-user-settings-backend'));
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));
backend.add(import('@backstage/plugin-mcp-actions-backend'));

backend.start();
