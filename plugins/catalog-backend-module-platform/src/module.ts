import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  FileReaderProcessor,
  UrlReaderProcessor,
} from '@backstage/plugin-catalog-backend';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { GitlabDiscoveryEntityProvider } from '@backstage/plugin-catalog-backend-module-gitlab';
import { FilePerLocationProcessor } from './processors/FilePerLocationProcessor';
import { PlatformKindsProcessor } from './kinds/PlatformKindsProcessor';
import { guardGitlabDiscovery } from './gitlab/guardGitlabDiscovery';
import { CatalogFindingsStore } from './findings/CatalogFindingsStore';
import { CatalogFindingsProcessor } from './findings/CatalogFindingsProcessor';
import { DuplicateDefinitionReader } from './findings/DuplicateDefinitionReader';
import { findMissingRelationTargets } from './findings/findMissingRelationTargets';
import { refreshEntitiesSoon } from './findings/refreshEntities';
import { coalesceEntityListWrites } from './http/coalesceEntityListWrites';
import { refreshCatalogTableStatistics } from './maintenance/refreshCatalogTableStatistics';

export const catalogModulePlatform = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'platform',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        urlReader: coreServices.urlReader,
      },
      async init({
        catalog,
        config,
        database,
        httpRouter,
        logger,
        scheduler,
        urlReader,
      }) {
        // Modules start before their plugin, so this runs ahead of the catalog's own routes.
        httpRouter.use(coalesceEntityListWrites());

        const knex = await database.getClient();
        const findings = await CatalogFindingsStore.create(knex);
        const refreshWithFindings = (entityRefs: string[]) => {
          findings.invalidate();
          refreshEntitiesSoon(knex, entityRefs);
        };

        catalog.addProcessor(
          new FilePerLocationProcessor(),
          new DuplicateDefinitionReader(
            [
              new FileReaderProcessor(),
              new UrlReaderProcessor({ reader: urlReader, logger }),
            ],
            findings,
            refreshWithFindings,
          ),
          new PlatformKindsProcessor(),
          new CatalogFindingsProcessor(findings),
        );

        // Relations to entities that do not exist, looked for after processing and stitching
        // (a processor cannot tell a missing target from one not loaded yet).
        const checkEvery = {
          seconds:
            config.getOptionalNumber(
              'catalog.platform.missingTargetCheckSeconds',
            ) ?? 60,
        };
        await scheduler.scheduleTask({
          id: 'platform-catalog-missing-relation-targets',
          frequency: checkEvery,
          // Not at once: the catalog creates its tables after its modules are initialised.
          initialDelay: checkEvery,
          timeout: { minutes: 2 },
          fn: async () => {
            const confirmed = await findings.replaceMissingTargets(
              await findMissingRelationTargets(knex),
            );
            if (confirmed.length) {
              logger.warn(
                `Relations to missing entities on ${confirmed.length} entities, e.g. ${confirmed[0]}`,
              );
              refreshWithFindings(confirmed);
            }
          },
        });

        if (knex.client.config.client === 'pg') {
          // Fresh planner statistics after bulk changes (see the function for why).
          await scheduler.scheduleTask({
            id: 'platform-catalog-table-statistics',
            frequency: { seconds: 30 },
            initialDelay: { seconds: 30 },
            timeout: { minutes: 5 },
            fn: async () => {
              const tables = await refreshCatalogTableStatistics(knex);
              if (tables.length) {
                logger.info(`Refreshed statistics of ${tables.join(', ')}`);
              }
            },
          });
        }

        // GitLab discovery of catalog-info.yaml (catalog.providers.gitlab), with scans that are
        // all-or-nothing. Replaces @backstage/plugin-catalog-backend-module-gitlab's own module,
        // which must not be added as well.
        catalog.addEntityProvider(
          GitlabDiscoveryEntityProvider.fromConfig(config, {
            logger,
            scheduler,
          }).map(provider => guardGitlabDiscovery(provider)),
        );
      },
    });
  },
});
