import express from 'express';
import Router from 'express-promise-router';
import { HttpAuthService } from '@backstage/backend-plugin-api';
import { parseFleetQuery } from './fleetQuery';
import { FleetService } from './FleetService';

/** `GET /fleet`: one page of every service's deploy status, worst first (openapi.yaml). */
export function createFleetRouter(options: {
  httpAuth: HttpAuthService;
  fleet: FleetService;
}): express.Router {
  const { httpAuth, fleet } = options;
  const router = Router();
  router.get('/fleet', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const query = parseFleetQuery(req.query);
    res.json(await fleet.getPage(query, credentials));
  });
  return router;
}
