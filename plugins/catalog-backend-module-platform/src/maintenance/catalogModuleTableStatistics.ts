import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { refreshCatalogTableStatistics } from './refreshCatalogTableStatistics';

/** Fresh PostgreSQL planner statistics of the catalog's tables after bulk changes. */
export const catalogModuleTableStatistics = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'platform-table-statistics',
  register(reg) {
    reg.registerInit({
      deps: {
        database: coreServices.database,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
      },
      async init({ database, logger, scheduler }) {
        const knex = await database.getClient();
        if (knex.client.config.client !== 'pg') {
          return; // SQLite needs none of this.
        }
        // See the function for why.
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
      },
    });
  },
});
