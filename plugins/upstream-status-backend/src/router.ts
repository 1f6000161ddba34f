import express from 'express';
import Router from 'express-promise-router';
import { HttpAuthService } from '@backstage/backend-plugin-api';
import type { UpstreamStatusResponse } from '@internal/plugin-upstream-status-common';
import { UpstreamStatusService } from './service/types';

export async function createRouter(options: {
  httpAuth: HttpAuthService;
  upstreamStatus: UpstreamStatusService;
}): Promise<express.Router> {
  const { httpAuth, upstreamStatus } = options;
  const router = Router();

  router.get('/upstreams', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const body: UpstreamStatusResponse = {
      upstreams: await upstreamStatus.list(),
    };
    res.json(body);
  });

  return router;
}
