import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createCheckRequestAction } from './actions/checkRequest';
import { createRegisterInCatalogAction } from './actions/registerInCatalog';
import { createValidateAction } from './actions/validate';
import { readPlatformScaffolderSettings } from './config';
import { GitlabCiSchema } from './workspace/ciSchema';

/**
 * The portal's scaffolder actions: `platform:check-request`, `platform:validate` and
 * `platform:catalog:register`. Clients and schemas are built here once and shared by every task.
 */
export const scaffolderModulePlatform = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'platform',
  register(reg) {
    reg.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        catalog: catalogServiceRef,
      },
      async init({ scaffolder, config, logger, catalog }) {
        const settings = readPlatformScaffolderSettings(config);
        const gitlabCiSchema = GitlabCiSchema.fromConfig(config);
        if (gitlabCiSchema.unavailableReason) {
          // Start anyway: only .gitlab-ci.yml validation fails, and says why.
          logger.warn(
            `platform:validate will fail .gitlab-ci.yml until this is fixed: ${gitlabCiSchema.unavailableReason}`,
          );
        }
        scaffolder.addActions(
          createCheckRequestAction({
            catalog,
            allowedHosts: settings.allowedHosts,
          }),
          createValidateAction({
            catalog,
            gitlabCiSchema,
            kubernetesKindsWithoutSchema: settings.kubernetesKindsWithoutSchema,
          }),
          createRegisterInCatalogAction({
            catalog,
            integrations: ScmIntegrations.fromConfig(config),
            catalogImportUrl: settings.catalogImportUrl,
          }),
        );
      },
    });
  },
});
