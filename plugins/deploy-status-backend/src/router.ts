import express from 'express';
import Router from 'express-promise-router';
import { HttpAuthService } from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { RecentEntityLookups } from '@internal/catalog-node-platform';
import { EntityDeployStatusList } from '@internal/plugin-deploy-status-common';
import { createFleetRouter } from './fleet/fleetRouter';
import { FleetService } from './fleet/FleetService';
import {
  parseEntityListQuery,
  parseEntityPath,
} from './request/parseEntityListQuery';
import { DeployStatusService } from './service/DeployStatusService';

/** Routes of `/api/deploy-status`, described in `src/schema/openapi.yaml`. */
export async function createRouter(options: {
  httpAuth: HttpAuthService;
  catalog: CatalogService;
  deployStatus: DeployStatusService;
  fleet: FleetService;
}): Promise<express.Router> {
  const { httpAuth, catalog, deployStatus, fleet } = options;
  const router = Router();
  const entities = new RecentEntityLookups(catalog);

  // Annotations come from the catalog, never from the request, and with the caller's
  // credentials: nobody learns the deploy status of an entity they may not see.
  router.get('/entities/:kind/:namespace/:name', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const { kind, namespace, name } = parseEntityPath(req.params);
    const entity = await entities.get({ kind, namespace, name }, credentials);
    if (!entity) {
      throw new NotFoundError(
        `No entity ${kind}:${namespace}/${name} in the catalog`,
      );
    }
    res.json(await deployStatus.getEntityStatus(entity));
  });

  router.get('/entities', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const refs = parseEntityListQuery(req.query);
    const parsed = refs.map(entityRef => {
      try {
        return parseEntityRef(entityRef, { defaultKind: 'component' });
      } catch {
        return undefined;
      }
    });
    // One catalog request and one batch of upstream look-ups for the whole list.
    const found = await entities.getMany(parsed.filter(isDefined), credentials);
    let nextFound = 0;
    const entityAt = parsed.map(ref => (ref ? found[nextFound++] : undefined));
    const statuses = await deployStatus.getEntityStatuses(
      entityAt.filter(isDefined),
    );
    let nextStatus = 0;
    const items: EntityDeployStatusList['items'] = refs.map((entityRef, i) => {
      if (!parsed[i]) {
        return { entityRef, error: `Not an entity ref: ${entityRef}` };
      }
      if (!entityAt[i]) {
        return { entityRef, error: `No entity ${entityRef} in the catalog` };
      }
      return { entityRef, status: statuses[nextStatus++] };
    });
    res.json({ items });
  });

  router.use(createFleetRouter({ httpAuth, fleet }));

  return router;
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}
