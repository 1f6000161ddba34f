import express from 'express';
import Router from 'express-promise-router';
import { HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  SLO_TIMEFRAMES,
  SloTimeframe,
} from '@internal/plugin-datadog-slo-common';
import { RecentEntityLookups } from '@internal/catalog-node-platform';
import { SloRollupService } from './service/SloRollupService';
import { SloService } from './service/SloService';

/** Routes of `/api/datadog-slo`; the README lists them with their answers. */
export async function createRouter(options: {
  httpAuth: HttpAuthService;
  catalog: CatalogService;
  slos: SloService;
  rollups: SloRollupService;
}): Promise<express.Router> {
  const { httpAuth, catalog, slos, rollups } = options;
  const router = Router();
  const entities = new RecentEntityLookups(catalog);

  // The annotations are read from the catalog, never from the request, so the portal cannot be
  // used to query arbitrary SLOs, and a user sees only the SLOs of entities they may see.
  async function entityOf(req: express.Request) {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const { kind, namespace, name } = req.params;
    const entity = await entities.get({ kind, namespace, name }, credentials);
    if (!entity) {
      throw new NotFoundError(
        `No entity ${kind}:${namespace}/${name} in the catalog`,
      );
    }
    return entity;
  }

  router.get('/entities/:kind/:namespace/:name/slos', async (req, res) => {
    res.json(await slos.getEntitySlos(await entityOf(req)));
  });

  router.get(
    '/entities/:kind/:namespace/:name/slos/:sloId/history',
    async (req, res) => {
      const timeframe = String(req.query.timeframe ?? '30d');
      if (!(SLO_TIMEFRAMES as readonly string[]).includes(timeframe)) {
        throw new InputError(
          `timeframe must be one of ${SLO_TIMEFRAMES.join(
            ', ',
          )}, got '${timeframe}'`,
        );
      }
      const entity = await entityOf(req);
      res.json(
        await slos.getSloHistory(
          entity,
          req.params.sloId,
          timeframe as SloTimeframe,
        ),
      );
    },
  );

  router.get('/rollup', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const entityRef = req.query.entityRef;
    if (typeof entityRef !== 'string' || !entityRef) {
      throw new InputError(
        'entityRef is required, e.g. system:default/checkout',
      );
    }
    res.json(await rollups.rollup(entityRef, credentials));
  });

  return router;
}
