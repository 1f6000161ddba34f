import { createBackend } from '@backstage/backend-defaults';
import { strictRootConfigServiceFactory } from './config/strictRootConfigServiceFactory';

const backend = createBackend();

// Stops start-up with every missing environment variable and schema violation, each by key.
backend.add(strictRootConfigServiceFactory);

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));

// Sign-in: guest for development, GitLab OAuth in production (see app-config.production.yaml).
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(import('@backstage/plugin-auth-backend-module-gitlab-provider'));

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
// Logs every processing error with its location, so a broken catalog file is visible in the logs.
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-gitlab'));
backend.add(
  import('@backstage/plugin-scaffolder-backend-module-notifications'),
);

backend.add(import('@backstage/plugin-permission-backend'));
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
backend.add(import('@roadiehq/backstage-plugin-argo-cd-backend'));

backend.add(import('@backstage/plugin-events-backend'));
backend.add(import('@backstage/plugin-user-settings-backend'));
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));
backend.add(import('@backstage/plugin-mcp-actions-backend'));

backend.start();
