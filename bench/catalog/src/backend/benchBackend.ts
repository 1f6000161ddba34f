/*
 * The backend the catalog benchmark starts as a child process, with `--config <file>` and
 * BENCH_VARIANT=stock|portal|portal-untuned (the last two differ in config only):
 * - stock: the catalog plugin as `@backstage/create-app` sets it up, loading the plain catalog;
 *   with create-app's (and the portal's) sign-in and permissions, the guest provider and the
 *   allow-all policy, so that a signed-in user's requests go through the permission backend;
 * - portal: the same plus the catalog modules and the permissions service of
 *   packages/backend/src/index.ts, loading the platform catalog (Pipeline and Environment kinds,
 *   one Location per file).
 */
import { createBackend } from '@backstage/backend-defaults';
import { catalogModuleBenchProgress } from './catalogModuleBenchProgress';

const variant = process.env.BENCH_VARIANT;
if (!['stock', 'portal', 'portal-untuned'].includes(variant ?? '')) {
  throw new Error(
    `BENCH_VARIANT must be stock, portal or portal-untuned, got ${variant}`,
  );
}

const backend = createBackend();
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
if (variant !== 'stock') {
  backend.add(import('@internal/plugin-catalog-backend-module-platform'));
  backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
  backend.add(import('@backstage/plugin-catalog-backend-module-unprocessed'));
  backend.add(import('@internal/permission-node-platform'));
}
backend.add(catalogModuleBenchProgress);
backend.start();
