import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { userInfoServiceFactory } from '@backstage/backend-defaults/userInfo';
import { createBackendModule } from '@backstage/backend-plugin-api';
import { JsonObject } from '@backstage/types';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import authPlugin from '@backstage/plugin-auth-backend';
import guestProvider from '@backstage/plugin-auth-backend-module-guest-provider';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import permissionPlugin from '@backstage/plugin-permission-backend';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import request from 'supertest';
import { cachedPermissionsServiceFactory } from './cachedPermissionsServiceFactory';

/**
 * The catalog, the permission backend with a policy that records what it is asked, and guest
 * sign-in, with Backstage's real auth services: a user's catalog request reaches the policy as
 * it does in the portal, through a plugin token issued on the user's behalf.
 */
async function startCatalog(permission: JsonObject) {
  const asked: string[] = [];
  const recordingPolicy = createBackendModule({
    pluginId: 'permission',
    moduleId: 'recording-policy',
    register(reg) {
      reg.registerInit({
        deps: { policy: policyExtensionPoint },
        async init({ policy }) {
          policy.setPolicy({
            async handle(req, user) {
              asked.push(`${user?.info.userEntityRef} ${req.permission.name}`);
              return { result: AuthorizeResult.ALLOW };
            },
          });
        },
      });
    },
  });
  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      permissionPlugin,
      authPlugin,
      guestProvider,
      recordingPolicy,
      cachedPermissionsServiceFactory,
      authServiceFactory,
      httpAuthServiceFactory,
      userInfoServiceFactory,
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://localhost:3000' },
          auth: {
            providers: { guest: { dangerouslyAllowOutsideDevelopment: true } },
          },
          permission,
        },
      }),
    ],
  });
  const signIn = async () => {
    const res = await request(backend.server)
      .get('/api/auth/guest/refresh')
      .set('x-requested-with', 'XMLHttpRequest');
    expect(res.status).toBe(200);
    return res.body.backstageIdentity.token as string;
  };
  const byRefsWith = async (token: string) => {
    const res = await request(backend.server)
      .post('/api/catalog/entities/by-refs')
      .set('authorization', `Bearer ${token}`)
      .send({ entityRefs: ['component:default/checkout'] });
    expect(res.status).toBe(200);
  };
  return { backend, asked, signIn, byRefsWith };
}

describe('cachedPermissionsServiceFactory', () => {
  it('lets the catalog ask the permission backend once per user token within the ttl', async () => {
    const { backend, asked, signIn, byRefsWith } = await startCatalog({
      enabled: true,
    });
    try {
      const first = await signIn();
      await byRefsWith(first);
      await byRefsWith(first);
      await byRefsWith(first);
      expect(asked).toEqual(['user:development/guest catalog.entity.read']);

      // Another sign-in is another token (its signature differs): asked again.
      const second = await signIn();
      expect(second).not.toBe(first);
      await byRefsWith(second);
      expect(asked).toHaveLength(2);
    } finally {
      await backend.stop();
    }
  });

  it('asks every time with decisionCacheSeconds 0', async () => {
    const { backend, asked, signIn, byRefsWith } = await startCatalog({
      enabled: true,
      platform: { decisionCacheSeconds: 0 },
    });
    try {
      const token = await signIn();
      await byRefsWith(token);
      await byRefsWith(token);
      expect(asked).toHaveLength(2);
    } finally {
      await backend.stop();
    }
  });

  it.each([-1, 3600])(
    'refuses a ttl of %p with the key and what it must be',
    async seconds => {
      await expect(
        startCatalog({
          enabled: true,
          platform: { decisionCacheSeconds: seconds },
        }),
      ).rejects.toThrow(
        `permission.platform.decisionCacheSeconds must be a number of seconds from 0 (the reuse off) to 60; got ${seconds}`,
      );
    },
  );
});
