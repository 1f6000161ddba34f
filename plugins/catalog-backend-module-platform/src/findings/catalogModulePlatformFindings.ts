import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  FileReaderProcessor,
  UrlReaderProcessor,
} from '@backstage/plugin-catalog-backend';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { CatalogFindingsStore } from './CatalogFindingsStore';
import { CatalogFindingsProcessor } from './CatalogFindingsProcessor';
import { DuplicateDefinitionReader } from './DuplicateDefinitionReader';
import { findMissingRelationTargets } from './findMissingRelationTargets';
import { refreshEntitiesSoon } from './refreshEntities';

/**
 * Duplicate definitions and relations to missing entities, kept in the findings table and shown
 * as processing errors on the entity concerned.
 */
export const catalogModulePlatformFindings = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'platform-findings',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        database: coreServices.database,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        urlReader: coreServices.urlReader,
      },
      async init({ catalog, config, database, logger, scheduler, urlReader }) {
        const knex = await database.getClient();
        const findings = await CatalogFindingsStore.create(knex, {
          skipMigrations: database.migrations?.skip,
        });
        const refreshWithFindings = (entityRefs: string[]) => {
          findings.invalidate();
          refreshEntitiesSoon(knex, entityRefs);
        };

        catalog.addProcessor(
          new DuplicateDefinitionReader(
            [
              new FileReaderProcessor(),
              new UrlReaderProcessor({ reader: urlReader, logger }),
            ],
            findings,
            refreshWithFindings,
          ),
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
      },
    });
  },
});
