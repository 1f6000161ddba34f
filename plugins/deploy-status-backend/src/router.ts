import express from 'express';
import Router from 'express-promise-router';
import { HttpAuthService } from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { RecentEntityLookups } from '@internal/catalog-node-platform';
import { EntityDeployStatusList } from '@internal/plugin-deploy-status-common';
import { DeployStatusService } from './service/DeployStatusService';

/** At most this many entities per list request (the catalog-wide page asks in pages). */
export const MAX_ENTITIES_PER_REQUEST = 100;

/** Routes of `/api/deploy-status`, described in `src/schema/openapi.yaml`. */
export async function createRouter(options: {
  httpAuth: HttpAuthService;
  catalog: CatalogService;
  deployStatus: DeployStatusService;
}): Promise<express.Router> {
  const { httpAuth, catalog, deployStatus } = options;
  const router = Router();
  const entities = new RecentEntityLookups(catalog);

  // Annotations come from the catalog, never from the request, and with the caller's
  // credentials: nobody learns the deploy status of an entity they may not see.
  router.get('/entities/:kind/:namespace/:name', async (req, res) => {
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
    res.json(await deployStatus.getEntityStatus(entity));
  });

  router.get('/entities', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const raw = req.query.entityRef;
    const refs = (Array.isArray(raw) ? raw : [raw]).filter(
      (ref): ref is string => typeof ref === 'string' && ref.length > 0,
    );
    if (refs.length === 0) {
      throw new InputError(
        'Give at least one entityRef, e.g. ?entityRef=component:default/checkout-api',
      );
    }
    if (refs.length > MAX_ENTITIES_PER_REQUEST) {
      throw new InputError(
        `At most ${MAX_ENTITIES_PER_REQUEST} entityRef per request, got ${refs.length}`,
      );
    }
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

  return router;
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}
