import {
  mockServices,
  startTestBackend,
  TestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import scaffolderEntityModel from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import scaffolderGitlabModule from '@backstage/plugin-scaffolder-backend-module-gitlab';
import catalogModulePlatform from '@internal/plugin-catalog-backend-module-platform';
import scaffolderModulePlatform from '@internal/plugin-scaffolder-backend-module-platform';
import { fileLocationGlobs, portalConfig } from './portalConfig';
import { entityRefsDeclaredIn, waitForCatalog } from './waitForCatalog';

/**
 * A real backend as the portal runs it for the scaffolder: the scaffolder with GitLab's and the
 * platform's actions, and the catalog with the platform's kinds loading examples/ and the
 * templates (SQLite in memory), returned once every entity of those files is in the catalog.
 */
export async function startHarnessBackend(): Promise<TestBackend> {
  const config = portalConfig();
  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      scaffolderEntityModel,
      catalogModulePlatform,
      scaffolderPlugin,
      scaffolderGitlabModule,
      scaffolderModulePlatform,
      mockServices.rootConfig.factory({ data: config }),
    ],
  });
  await waitForCatalog(
    backend,
    entityRefsDeclaredIn(fileLocationGlobs(config)),
  );
  return backend;
}
