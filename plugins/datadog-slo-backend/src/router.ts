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
import { z } from 'zod';
import { SloRollupService } from './service/SloRollupService';
import { SloService } from './service/SloService';

const historyQuery = z.object({
  timeframe: z
    .string()
    .default('30d')
    .refine(value => (SLO_TIMEFRAMES as readonly string[]).includes(value), {
      message: `must be one of ${SLO_TIMEFRAMES.join(', ')}`,
    }),
});

const rollupQuery = z.object({
  entityRef: z.string().min(1),
});

/** The query of a request as `schema` reads it, or an InputError naming each bad parameter. */
function queryOf<T extends z.ZodType>(
  schema: T,
  req: express.Request,
  example: string,
): z.infer<T> {
  const parsed = schema.safeParse(req.query);
  if (!parsed.success) {
    throw new InputError(
      `${parsed.error.issues
        .map(issue => `${issue.path.join('.') || 'query'}: ${issue.message}`)
        .join('; ')} (e.g. ${example})`,
    );
  }
  return parsed.data;
}

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
      const { timeframe } = queryOf(
        historyQuery,
        req,
        `?timeframe=${SLO_TIMEFRAMES.join('|')}`,
      );
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
    const { entityRef } = queryOf(
      rollupQuery,
      req,
      '?entityRef=system:default/checkout',
    );
    res.json(await rollups.rollup(entityRef, credentials));
  });

  return router;
}
