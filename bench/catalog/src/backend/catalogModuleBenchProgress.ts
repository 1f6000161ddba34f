import {
  HttpRouterService,
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

/** What the catalog's own tables say about how far loading has come. */
export interface CatalogProgress {
  /** Entities (other than Locations) with a stitched final entity. */
  stitchedEntities: number;
  /** Entities the processing loop has not processed yet. */
  pendingProcessing: number;
  /** Entities waiting to be stitched again (new or changed relations). */
  pendingStitching: number;
  /** Entities whose last processing reported errors. */
  entitiesWithErrors: number;
  relations: number;
}

async function count(query: Knex.QueryBuilder): Promise<number> {
  const [row] = await query.count({ count: '*' });
  return Number(row.count);
}

export async function readCatalogProgress(
  knex: Knex,
): Promise<CatalogProgress> {
  return {
    stitchedEntities: await count(
      knex('final_entities')
        .whereNotNull('final_entity')
        .whereNot('entity_ref', 'like', 'location:%'),
    ),
    pendingProcessing: await count(
      knex('refresh_state').whereNull('result_hash'),
    ),
    pendingStitching: await count(knex('stitch_queue')),
    entitiesWithErrors: await count(
      knex('refresh_state')
        .whereNotNull('errors')
        .whereNotIn('errors', ['', '[]']),
    ),
    relations: await count(knex('relations')),
  };
}

/**
 * Benchmark only: `GET /api/catalog/bench/progress` answers {@link CatalogProgress} from the
 * catalog's database, so the harness can tell when every entity is processed and stitched (the
 * public API cannot tell a stitched entity from one whose incoming relations are still queued).
 */
export const catalogModuleBenchProgress = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'bench-progress',
  register(reg) {
    reg.registerInit({
      deps: {
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
      },
      async init({ database, httpRouter }) {
        const knex = await database.getClient();
        const handler: Parameters<HttpRouterService['use']>[0] = (
          req,
          res,
          next,
        ) => {
          if (req.method !== 'GET' || req.path !== '/bench/progress') {
            next();
            return;
          }
          readCatalogProgress(knex).then(
            progress => res.json(progress),
            error => next(error),
          );
        };
        httpRouter.use(handler);
        httpRouter.addAuthPolicy({
          path: '/bench/progress',
          allow: 'unauthenticated',
        });
      },
    });
  },
});
